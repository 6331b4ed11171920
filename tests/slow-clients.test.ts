import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../src/app/server.ts";
import { parseConfig } from "../src/platform/settings.ts";

// Node checks request timeouts on an interval (30 s by default), so a slow client could hold a
// connection up to that long past the configured limit. Lantern checks twice a second.

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 1500;
const server = await startServer(
  0,
  "127.0.0.1",
  parseConfig({ ...process.env, HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) }),
);
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Opens a connection, writes `written`, and resolves with how long the server kept it open. */
function heldOpenFor(written: string): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(written));
    socket.on("error", () => undefined);
    socket.resume(); // read what the server sends (its 408), so its closing is seen
    socket.on("close", () => resolve(performance.now() - started));
    setTimeout(() => reject(new Error("still open after 10 s")), 10_000).unref();
  });
}

describe("slow clients are closed within the configured limits", () => {
  it("a request head that never ends", async () => {
    const held = await heldOpenFor("GET /health HTTP/1.1\r\nHost: x\r\n");
    expect(held).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(held).toBeLessThan(HEADERS_TIMEOUT_MS + 1500);
  });

  it("a body that never ends", async () => {
    const held = await heldOpenFor("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
    expect(held).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(held).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
  });
});
