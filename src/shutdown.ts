import type { Server } from "node:http";

let draining = false;

/** True once shutdown has begun: /ready then answers 503. */
export function isDraining(): boolean {
  return draining;
}

/**
 * Stops accepting connections, lets every in-flight request finish (answering with
 * "Connection: close" so keep-alive clients let go), closes idle connections as they appear,
 * then runs `close`. Whatever is still open after `deadlineMs` is cut.
 */
export async function drainServer(server: Server, deadlineMs: number, close: () => Promise<void>): Promise<"drained" | "deadline"> {
  draining = true;
  server.on("request", (_request, response) => response.setHeader("connection", "close"));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  let deadline: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    closed.then(() => "drained" as const),
    new Promise<"deadline">((resolve) => (deadline = setTimeout(() => resolve("deadline"), deadlineMs))),
  ]);
  clearInterval(idleSweep);
  clearTimeout(deadline);
  if (outcome === "deadline") server.closeAllConnections();
  await close();
  return outcome;
}
