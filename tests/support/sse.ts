import type { LanternYoga } from "../../src/app/yoga.ts";

export interface EventStream {
  status: number;
  /** The next `next` event's data, parsed; fails after `timeoutMs` of real time without one. */
  next(timeoutMs?: number): Promise<any>;
  close(): Promise<void>;
}

/** Opens a subscription over server-sent events, as a browser's fetch would. */
export async function subscribe(
  server: LanternYoga,
  request: { query?: string; variables?: Record<string, unknown>; path?: string; headers?: Record<string, string> },
): Promise<EventStream> {
  const init: RequestInit = request.query
    ? {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream", ...request.headers },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
      }
    : { headers: { accept: "text/event-stream", ...request.headers } };
  const response = await server.fetch(new URL(request.path ?? "/graphql", "http://lantern.test"), init);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: any[] = [];
  const waiters: (() => void)[] = [];
  let buffer = "";
  let ended = false;

  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n");
          const data = lines.filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
          if (lines.includes("event: next") || (!lines.some((line) => line.startsWith("event:")) && data)) {
            events.push(JSON.parse(data));
          }
        }
        waiters.splice(0).forEach((wake) => wake());
      }
    } catch {
      // cancelled
    }
    ended = true;
    waiters.splice(0).forEach((wake) => wake());
  })();

  return {
    status: response.status,
    async next(timeoutMs = 5000) {
      const deadline = performance.now() + timeoutMs;
      while (events.length === 0) {
        if (ended) throw new Error("the event stream ended");
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return events.shift();
    },
    async close() {
      await reader.cancel().catch(() => undefined);
    },
  };
}
