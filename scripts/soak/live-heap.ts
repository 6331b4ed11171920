import WebSocket from "ws";

/**
 * The heap a Node.js process still uses after a full garbage collection, in MiB, asked through
 * its inspector (the process runs with --inspect; `debuggerUrl` is the ws:// address it prints).
 * RSS says little about leaks: V8 lets the heap grow far past what is live while memory is
 * plentiful, and collects it later.
 */
export async function liveHeapMiB(debuggerUrl: string): Promise<number> {
  const socket = new WebSocket(debuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let lastId = 0;
  const replies = new Map<number, (result: unknown) => void>();
  socket.on("message", (data) => {
    // Text frames arrive as one Buffer (ws' default binaryType).
    const message = JSON.parse((data as Buffer).toString()) as { id: number; result?: unknown };
    replies.get(message.id)?.(message.result);
    replies.delete(message.id);
  });
  const call = <Result>(method: string, params: object = {}) =>
    new Promise<Result>((resolve) => {
      replies.set(++lastId, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    const { result } = await call<{ result: { value: number } }>("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed" });
    return result.value / 2 ** 20;
  } finally {
    socket.close();
  }
}

/** The inspector address a process started with --inspect printed. */
export function debuggerUrlIn(output: string): string {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error("the server printed no inspector address (is it started with --inspect?)");
  return url;
}
