import { connect, type AddressInfo, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../src/app/server.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { ManualClock } from "./support/clock.ts";

// Over a real socket, as a client would send them: how much of a too-large body the server
// reads before it refuses, with the response cache on (it reads POST bodies for its key).

const LIMIT = 100_000;
const settings = parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", RESPONSE_CACHE_DEBUG_HEADERS: "true", MAX_BODY_BYTES: String(LIMIT) });
const server = await startServer(0, "127.0.0.1", settings, { clock: new ManualClock() });
const serverSockets = new Set<Socket>();
server.on("connection", (socket) => serverSockets.add(socket));
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** What the server answered and how many bytes it read from the connection. */
interface Exchange {
  status: number;
  body: string;
  sent: number;
  serverRead: number;
}

/** An HTTP/1.1 answer's body, its chunks joined. */
function bodyOf(answer: string): string {
  const [head, rest = ""] = answer.split(/\r\n\r\n([\s\S]*)/);
  if (!/transfer-encoding: chunked/i.test(head!)) return rest;
  let body = "";
  for (let at = 0; ; ) {
    const lineEnd = rest.indexOf("\r\n", at);
    const size = parseInt(rest.slice(at, lineEnd), 16);
    if (!size) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 4 + size;
  }
}

/**
 * Sends a request head, then `total` body bytes (chunked, or under the declared Content-Length)
 * 64 KiB at a time, stopping as soon as the server answers or closes.
 */
function send(path: string, total: number, { declaredLength }: { declaredLength?: number } = {}): Promise<Exchange> {
  const { port } = server.address() as AddressInfo;
  const framing = declaredLength === undefined ? "Transfer-Encoding: chunked" : `Content-Length: ${declaredLength}`;
  const head = `POST ${path} HTTP/1.1\r\nHost: lantern.test\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;
  serverSockets.clear();
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let sent = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      // Let the server's side see the close before its byte count is read.
      setImmediate(() => {
        const [status] = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.slice(1) ?? ["0"];
        const serverRead = [...serverSockets].reduce((sum, s) => sum + s.bytesRead, 0);
        resolve({ status: Number(status), body: bodyOf(answer), sent, serverRead });
      });
    };
    socket.on("data", (data) => {
      answer += data.toString();
      const end = answer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /\r\ncontent-length: (\d+)/i.exec(answer.slice(0, end))?.[1];
      const complete = length === undefined ? answer.endsWith("\r\n0\r\n\r\n") : answer.length - end - 4 >= Number(length);
      if (complete) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    const timer = setTimeout(() => (finished ? undefined : reject(new Error(`no answer after sending ${sent} bytes`))), 10_000);
    timer.unref();
    const chunk = Buffer.alloc(65_536, "x");
    const pump = () => {
      while (!finished && sent < total) {
        const piece = declaredLength === undefined ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
        sent += chunk.length;
        if (!socket.write(piece)) return void socket.once("drain", pump);
      }
    };
    socket.once("connect", () => {
      socket.write(head);
      pump();
    });
  });
}

const ROUTES = ["/graphql", "/subscription/confirm", "/subscription/unsubscribe", "/feed.xml", "/no-such-route"];
/** The limit, one 64 KiB chunk in flight, and what Node reads ahead while the answer is written. */
const READ_BOUND = LIMIT + 3 * 65_536 + 16_384;

describe("request bodies are read at most MAX_BODY_BYTES far, whatever the route", () => {
  it.each(ROUTES)("a chunked body of 32 MiB to %s is refused with 413 once it passes the limit", async (path) => {
    const exchange = await send(path, 32 * 2 ** 20);
    expect(exchange.status, exchange.body).toBe(413);
    expect(JSON.parse(exchange.body).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(exchange.serverRead).toBeLessThan(READ_BOUND);
    expect(exchange.sent).toBeLessThan(32 * 2 ** 20);
  });

  it.each(ROUTES)("a Content-Length of 520,000,000 to %s is refused before the body is sent", async (path) => {
    const exchange = await send(path, 65_536 * 4, { declaredLength: 520_000_000 });
    expect(exchange.status, exchange.body).toBe(413);
    expect(JSON.parse(exchange.body).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(exchange.serverRead).toBeLessThan(READ_BOUND);
  });

  it("a body within the limit is still answered, from the cache the second time", async () => {
    const { port } = server.address() as AddressInfo;
    const body = JSON.stringify({ query: "{ site { title } }", variables: { padding: "x".repeat(LIMIT - 100) } });
    const request = () =>
      fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const first = await request();
    expect(first.status).toBe(200);
    expect((await first.json()).data.site.title).toBe("Anxiety Relief Project");
    const second = await request();
    expect(second.headers.get("x-cache")).toBe("HIT");
  });
});
