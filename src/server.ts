import { createServer, type Server } from "node:http";
import { createLanternYoga } from "./yoga.ts";
import { trackConnections } from "./shutdown.ts";
import { config } from "./config.ts";
import { FormsService } from "./forms/forms-service.ts";
import { startMailDelivery } from "./mail/delivery.ts";

/** Starts listening (and sending queued mail); resolves once the port is bound. */
export async function startServer(port: number, host: string): Promise<{ server: Server; stopBackgroundWork: () => Promise<void> }> {
  const settings = config();
  const forms = new FormsService({ settings });
  const mail = startMailDelivery(settings, (line) => console.log(`[lantern] ${line}`));
  if (mail) forms.onMailQueued = () => mail.poke();
  const yoga = createLanternYoga(settings, { forms });
  const server = createServer(yoga);
  // Slow clients may not hold a connection open indefinitely.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return { server, stopBackgroundWork: async () => { await mail?.stop(); await forms.close(); } };
}
