import { runCommand, log } from "../src/app/command-line.ts";
import { db, disconnectDb } from "../src/db/client.ts";
import { openDatabase } from "../src/app/prepare-database.ts";
import { runTokenCommand } from "../src/auth/token-command.ts";

await runCommand(async (settings) => {
  await openDatabase(settings, log);
  try {
    return await runTokenCommand(process.argv.slice(2), db(), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await disconnectDb();
  }
});
