import { existsSync } from "node:fs";
import { ConfigError, config } from "../src/config.ts";
import { prepareDatabase } from "../src/prepare-database.ts";
import { startServer } from "../src/server.ts";
import { disconnectDb } from "../src/db.ts";

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
  const server = await startServer(settings.PORT, settings.HOST);
  log(`GraphQL API and GraphiQL at http://localhost:${settings.PORT}/graphql`);

  const shutdown = (signal: string) => {
    log(`${signal}: closing`);
    server.close(() => {
      void disconnectDb().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[lantern] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
