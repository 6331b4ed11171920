import { runCommand, log } from "../src/app/command-line.ts";
import { disconnectDb } from "../src/db/client.ts";
import { loadDemoContent, openDatabase } from "../src/app/prepare-database.ts";

await runCommand(async (settings) => {
  await openDatabase(settings, log);
  try {
    await loadDemoContent(log);
  } finally {
    await disconnectDb();
  }
});
