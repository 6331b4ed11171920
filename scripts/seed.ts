import { runCommand } from "../src/app/command-line.ts";
import { disconnectDb } from "../src/db/client.ts";
import { loadDemoContent, openDatabase } from "../src/app/prepare-database.ts";

const USAGE = `usage: npm run db:seed   (in production: node dist/seed.js)

Migrates the database at DATABASE_URL and loads the demo site into it.
Settings come from the environment and .env (docs/configuration.md).`;

await runCommand(USAGE, async (settings, logger) => {
  await openDatabase(settings, logger.info);
  try {
    await loadDemoContent(logger.info);
  } finally {
    await disconnectDb();
  }
});
