import { runCommand } from "../src/app/command-line.ts";
import { openDatabase } from "../src/app/prepare-database.ts";
import { searchEngine } from "../src/read/search/index.ts";

const rebuild = process.argv.includes("--rebuild");

const USAGE = `usage: npm run search:check | npm run search:rebuild

search:check fails (exit 1) when the full-text index of articles differs from their text
(FTS5's integrity check on SQLite; the stored searchVector against the one computed now on
PostgreSQL). search:rebuild builds the index again from the articles. Both apply pending
migrations first. Settings come from the environment and .env (docs/configuration.md).`;

await runCommand(USAGE, async (settings, logger) => {
  await openDatabase(settings, logger.info);
  const engine = searchEngine();
  if (rebuild) {
    await engine.rebuild();
    logger.info("Rebuilt the search index");
  }
  const { ok, detail } = await engine.check();
  if (!ok) throw new Error(detail);
  logger.info(detail);
});
