import { runCommand, log } from "../src/command-line.ts";
import { disconnectDb } from "../src/db.ts";
import { loadDemoContent, openDatabase } from "../src/prepare-database.ts";

await runCommand(async (settings) => {
  await openDatabase(settings, log);
  try {
    await loadDemoContent(log);
  } finally {
    await disconnectDb();
  }
});
