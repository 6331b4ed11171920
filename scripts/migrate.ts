import { runCommand, log } from "../src/app/command-line.ts";
import { databaseProvider, sqliteFilePath } from "../src/db/client.ts";
import { openDatabase } from "../src/app/prepare-database.ts";

await runCommand(async (settings) => {
  const applied = await openDatabase(settings, log);
  const database = databaseProvider(settings.DATABASE_URL) === "sqlite" ? sqliteFilePath(settings.DATABASE_URL) : "The database";
  if (applied.length === 0) log(`${database} is up to date: no pending migrations`);
  else log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}`);
});
