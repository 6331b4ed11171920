import type { Server } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

let draining = false;
const drainingListeners = new Set<() => void>();

/** True once shutdown has begun: /ready then answers 503. */
export function isDraining(): boolean {
  return draining;
}

/** Calls `listener` when shutdown begins (long-lived responses end then); returns the unsubscribe. */
export function onDraining(listener: () => void): () => void {
  drainingListeners.add(listener);
  return () => void drainingListeners.delete(listener);
}

interface Connections {
  /** Requests being answered on each open connection. */
  inProgress: Map<Socket, number>;
  lastAccepted: number;
  /** When a request last started or ended. */
  lastRequest: number;
}

const trackedServers = new WeakMap<Server, Connections>();

/** Keeps count of each connection's requests in progress, for drainServer. Call before listening. */
export function trackConnections(server: Server): void {
  const connections: Connections = { inProgress: new Map(), lastAccepted: 0, lastRequest: 0 };
  trackedServers.set(server, connections);
  server.on("connection", (socket: Socket) => {
    connections.inProgress.set(socket, 0);
    connections.lastAccepted = performance.now();
    socket.once("close", () => connections.inProgress.delete(socket));
  });
  server.on("request", (request, response) => {
    const socket = request.socket;
    connections.inProgress.set(socket, (connections.inProgress.get(socket) ?? 0) + 1);
    connections.lastRequest = performance.now();
    if (draining && !response.headersSent) response.setHeader("connection", "close");
    response.once("close", () => {
      connections.inProgress.set(socket, (connections.inProgress.get(socket) ?? 1) - 1);
      connections.lastRequest = performance.now();
    });
  });
}

/**
 * How long the server must have gone without accepting a connection (or without starting or
 * finishing a request) before it stops listening (or closes idle connections). A busy server
 * accepts connections that clients have already opened, and reads requests that they have
 * already sent, a few at a time; until it has, closing would lose them.
 */
const QUIET_MS = 100;
/** Keeps listening for connections that were already waiting at most this long. */
const MAX_ACCEPT_MS = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const since = (time: number) => performance.now() - time;

/**
 * Accepts the connections that were already waiting, then stops listening; lets every request
 * in progress or already sent finish (answering with "Connection: close"); closes idle
 * connections (keep-alive ones included) once no request is left; then runs `close`.
 * Connections still open after `deadlineMs` are cut.
 */
export async function drainServer(server: Server, deadlineMs: number, close: () => Promise<void>): Promise<"drained" | "deadline"> {
  const connections = trackedServers.get(server);
  if (!connections) throw new Error("drainServer needs trackConnections(server) before the server listens");
  draining = true;
  for (const listener of [...drainingListeners]) listener();
  const started = performance.now();

  let deadline: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"deadline">((resolve) => (deadline = setTimeout(() => resolve("deadline"), deadlineMs)));
  const drained = (async () => {
    do await pause(QUIET_MS / 2);
    while (since(connections.lastAccepted) < QUIET_MS && since(started) < MAX_ACCEPT_MS);
    // Not http.Server#close: it also drops connections whose request has not been read yet.
    let closed = false;
    NetServer.prototype.close.call(server, () => (closed = true));
    while (!closed) {
      const busy = [...connections.inProgress.values()].some((count) => count > 0);
      if (!busy && since(connections.lastRequest) >= QUIET_MS) {
        for (const socket of connections.inProgress.keys()) socket.end();
      }
      await pause(QUIET_MS / 2);
    }
    return "drained" as const;
  })();

  const outcome = await Promise.race([drained, timedOut]);
  clearTimeout(deadline);
  if (outcome === "deadline") for (const socket of connections.inProgress.keys()) socket.destroy();
  await close();
  return outcome;
}

/** The signal that ends the process at once, counting the one that began the drain. */
const SIGNALS_TO_FORCE_EXIT = 3;

/**
 * Calls `stop` on the first SIGTERM or SIGINT, and keeps the process alive through the next
 * one: Ctrl-C in a terminal sends SIGINT to npm and to node, and npm forwards its own, so node
 * gets two for one key press. The third exits at once, cutting whatever is still in flight.
 */
export function stopOnSignals(stop: (signal: NodeJS.Signals) => void, log: (line: string) => void): void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received === 1) stop(signal);
    else if (received < SIGNALS_TO_FORCE_EXIT) log(`${signal} again: still draining (one more stops at once)`);
    else {
      log(`${signal} a third time: exiting without waiting for in-flight requests`);
      process.exit(1);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
