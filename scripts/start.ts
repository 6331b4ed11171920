import { runCommand } from "../src/app/command-line.ts";
import { prepareDatabase } from "../src/app/prepare-database.ts";
import { ensurePortAvailable } from "../src/app/port-check.ts";
import { holdServerLock } from "../src/db/server-lock.ts";
import { startServer } from "../src/app/server.ts";
import { disconnectDb } from "../src/db/client.ts";
import { drainServer, stopOnSignals } from "../src/platform/shutdown.ts";
import { FormsService } from "../src/forms/forms-service.ts";
import { startMailDelivery } from "../src/mail/delivery.ts";
import { startChangeService } from "../src/changes/service.ts";

const USAGE = `usage: npm start   (in production: npm run start:production, or node dist/start.js)

Starts the server on HOST:PORT: creates and migrates the database when needed, loads the demo
content into an empty one (SEED_DEMO_CONTENT=auto), and stops on SIGTERM or SIGINT after the
requests in flight. Settings come from the environment and .env (docs/configuration.md).`;

await runCommand(USAGE, async (settings, logger) => {
  const log = logger.info;
  await ensurePortAvailable(settings.PORT, settings.HOST);
  holdServerLock(settings.DATABASE_URL);
  await prepareDatabase(settings, log);
  const forms = new FormsService({ settings });
  const mail = startMailDelivery(settings, logger);
  if (mail) forms.onMailQueued = () => mail.poke();
  const changes = startChangeService(settings, logger);
  const server = await startServer(settings.PORT, settings.HOST, settings, { forms });
  const origin = `http://${settings.HOST === "0.0.0.0" ? "localhost" : settings.HOST}:${settings.PORT}`;
  log(`Listening on ${settings.HOST}:${settings.PORT}: GraphQL API at ${origin}/graphql${settings.GRAPHIQL ? " (GraphiQL in a browser)" : ""}`);

  const shutdown = async (signal: string) => {
    log(`${signal}: draining in-flight requests (at most ${settings.SHUTDOWN_TIMEOUT_MS} ms)`);
    // Should closing the database hang too, the process still ends.
    setTimeout(() => process.exit(1), settings.SHUTDOWN_TIMEOUT_MS + 1000).unref();
    const outcome = await drainServer(server, settings.SHUTDOWN_TIMEOUT_MS, async () => {
      await mail?.stop();
      await changes.stop();
      await forms.close();
      await disconnectDb();
    });
    log(outcome === "drained" ? "all requests answered; closed" : "deadline reached: remaining connections cut");
    process.exit(outcome === "drained" ? 0 : 1);
  };
  stopOnSignals((signal) => void shutdown(signal), log);
});
if (process.exitCode) process.exit();
