import { runCommand } from "../src/app/command-line.ts";
import { openDatabase } from "../src/app/prepare-database.ts";
import { searchEngine } from "../src/read/search/index.ts";
import { db } from "../src/db/client.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { refreshRelatedIds } from "../src/write/related.ts";

const rebuild = process.argv.includes("--rebuild");

const USAGE = `usage: npm run search:check | npm run search:rebuild

search:check fails (exit 1) when the full-text index of articles differs from their text
(FTS5's integrity check on SQLite; the stored searchVector against the one computed now on
PostgreSQL). search:rebuild builds the index again from the articles, and computes every
article's related articles again (Article.related). Both apply pending
migrations first. Settings come from the environment and .env (docs/configuration.md).`;

await runCommand(USAGE, async (settings, logger) => {
  await openDatabase(settings, logger.info);
  const engine = searchEngine();
  if (rebuild) {
    await engine.rebuild();
    logger.info("Rebuilt the search index");
    const articles = await db().article.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    for (const { id } of articles) await inTransaction((tx) => refreshRelatedIds(tx, id));
    logger.info(`Computed the related articles of ${articles.length} articles`);
  }
  const { ok, detail } = await engine.check();
  if (!ok) throw new Error(detail);
  logger.info(detail);
});
