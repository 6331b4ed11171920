import { runCommand, log } from "../src/command-line.ts";
import { sqliteFilePath } from "../src/db.ts";
import { openDatabase } from "../src/prepare-database.ts";

await runCommand(async (settings) => {
  const applied = await openDatabase(settings, log);
  if (applied.length === 0) log(`${sqliteFilePath(settings.DATABASE_URL)} is up to date: no pending migrations`);
  else log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}`);
});
