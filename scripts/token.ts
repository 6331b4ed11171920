import { existsSync } from "node:fs";
import { config } from "../src/config.ts";
import { db, disconnectDb } from "../src/db.ts";
import { migrateDatabase } from "../src/migrate.ts";
import { runTokenCommand } from "../src/auth/token-command.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
await migrateDatabase(config().DATABASE_URL);
try {
  process.exitCode = await runTokenCommand(process.argv.slice(2), db(), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
