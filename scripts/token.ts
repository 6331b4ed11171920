import { runCommand } from "../src/app/command-line.ts";
import { db, disconnectDb } from "../src/db/client.ts";
import { openDatabase } from "../src/app/prepare-database.ts";
import { TOKEN_USAGE, runTokenCommand } from "../src/auth/token-command.ts";

const USAGE = `${TOKEN_USAGE}

Creates, lists and revokes the API tokens editors send as "Authorization: Bearer <token>".
Settings come from the environment and .env (docs/configuration.md).`;

await runCommand(USAGE, async (settings, logger) => {
  await openDatabase(settings, logger.info);
  try {
    return await runTokenCommand(process.argv.slice(2), db(), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await disconnectDb();
  }
});
