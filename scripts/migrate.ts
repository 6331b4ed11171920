import { runCommand } from "../src/app/command-line.ts";
import { databaseProvider, sqliteFilePath } from "../src/db/client.ts";
import { openDatabase } from "../src/app/prepare-database.ts";

const USAGE = `usage: npm run db:migrate   (in production: node dist/migrate.js)

Creates the database at DATABASE_URL when it is a missing SQLite file, and applies the pending
migrations. Settings come from the environment and .env (docs/configuration.md).`;

await runCommand(USAGE, async (settings, logger) => {
  const log = logger.info;
  const applied = await openDatabase(settings, log);
  const database = databaseProvider(settings.DATABASE_URL) === "sqlite" ? sqliteFilePath(settings.DATABASE_URL) : "The database";
  if (applied.length === 0) log(`${database} is up to date: no pending migrations`);
  else log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}`);
});
