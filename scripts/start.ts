import { existsSync } from "node:fs";
import { ConfigError, config } from "../src/config.ts";
import { prepareDatabase } from "../src/prepare-database.ts";
import { startServer } from "../src/server.ts";
import { disconnectDb } from "../src/db.ts";
import { drainServer } from "../src/shutdown.ts";

const log = (line: string) => console.log(`[lantern] ${line}`);

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let settings;
  try {
    settings = config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  await prepareDatabase(settings, log);
  const server = await startServer(settings.PORT, settings.HOST, settings);
  log(`GraphQL API${settings.GRAPHIQL ? " and GraphiQL" : ""} at http://localhost:${settings.PORT}/graphql`);

  const shutdown = async (signal: string) => {
    log(`${signal}: draining in-flight requests (at most ${settings.SHUTDOWN_TIMEOUT_MS} ms)`);
    // Should closing the database hang too, the process still ends.
    setTimeout(() => process.exit(1), settings.SHUTDOWN_TIMEOUT_MS + 1000).unref();
    const outcome = await drainServer(server, settings.SHUTDOWN_TIMEOUT_MS, disconnectDb);
    log(outcome === "drained" ? "all requests answered; closed" : "deadline reached: remaining connections cut");
    process.exit(outcome === "drained" ? 0 : 1);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[lantern] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
