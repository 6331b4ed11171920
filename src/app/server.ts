import { createServer, type Server } from "node:http";
import { createLanternYoga, type Parts } from "./yoga.ts";
import { trackConnections } from "../platform/shutdown.ts";
import type { Config } from "../platform/settings.ts";

/** How often Node looks for requests past their timeouts; its default (30 s) would let them overrun. */
const TIMEOUT_CHECK_INTERVAL_MS = 500;

/** Starts listening; resolves once the port is bound. */
export async function startServer(port: number, host: string, settings: Config, parts: Parts = {}): Promise<Server> {
  const yoga = createLanternYoga(settings, parts);
  // Slow clients may not hold a connection open indefinitely.
  const server = createServer(
    {
      headersTimeout: settings.HEADERS_TIMEOUT_MS,
      requestTimeout: settings.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    // Yoga answers its own failures (src/graphql/safety/last-resort.ts); its promise only says it finished.
    (request, response) => void yoga(request, response),
  );
  trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
