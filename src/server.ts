import { createServer, type Server } from "node:http";
import { createLanternYoga } from "./yoga.ts";
import { trackConnections } from "./shutdown.ts";

/** Starts listening; resolves once the port is bound. */
export async function startServer(port: number, host: string): Promise<Server> {
  const yoga = createLanternYoga();
  const server = createServer(yoga);
  // Slow clients may not hold a connection open indefinitely.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
