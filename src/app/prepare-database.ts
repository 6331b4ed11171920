import type { Config } from "../platform/settings.ts";
import { checkDatabaseFile } from "../db/file-checks.ts";
import { databaseProvider, db, sqliteFilePath, useDatabase, writeDb } from "../db/client.ts";
import { backfillDerivedExcerpts } from "../write/maintenance/derived-excerpts.ts";
import { backfillSearchText } from "../write/maintenance/search-text.ts";
import { migrateDatabase } from "../db/migrations.ts";
import { isDatabaseEmpty, seedDemoContent } from "../seed/demo-content.ts";
import { demoArticles, demoAuthors, demoCategories, demoMenus, demoPages } from "../../prisma/demo/content.ts";

/**
 * Checks that the SQLite file can be used, then applies pending migrations in this process
 * (src/db/migrations.ts; none pending: no write lock). Every command that uses the database starts
 * here; errors are one line. Returns the migrations applied.
 */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<string[]> {
  useDatabase(config.DATABASE_URL);
  if (databaseProvider(config.DATABASE_URL) === "sqlite") {
    const file = sqliteFilePath(config.DATABASE_URL);
    if (!checkDatabaseFile(file)) log(`Creating the database ${file}`);
  }
  return migrateDatabase(config.DATABASE_URL, log);
}

/** Loads the demo site, saying what and how much. */
export async function loadDemoContent(log: (line: string) => void): Promise<void> {
  log("Loading the demo content...");
  const started = performance.now();
  await seedDemoContent(db());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `Loaded the demo content in ${seconds} s: ${demoArticles.length} articles, ${demoAuthors.length} authors, ` +
      `${demoCategories.length} categories, ${demoPages.length} pages, ${demoMenus.length} menu${demoMenus.length === 1 ? "" : "s"}`,
  );
}

/** Brings the database to the current schema and loads the demo site into an empty one. */
export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<void> {
  await openDatabase(config, log);
  // WAL lets readers continue while a writer commits; the setting persists in the file.
  if (databaseProvider(config.DATABASE_URL) === "sqlite") await db().$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const backfilled = await backfillDerivedExcerpts(writeDb());
  if (backfilled > 0) log(`Derived the excerpts of ${backfilled} articles saved before excerpts were stored`);
  const searchable = await backfillSearchText(writeDb());
  if (searchable > 0) log(`Made ${searchable} articles saved without search text searchable`);
  if (config.SEED_DEMO_CONTENT === "auto" && (await isDatabaseEmpty(db()))) {
    log("The database is empty (SEED_DEMO_CONTENT=auto)");
    await loadDemoContent(log);
  }
  // The statistics SQLite's planner needs to pick the index that serves a list's order (without
  // them it may sort instead); cheap when they are current. PostgreSQL's autovacuum keeps its own.
  if (databaseProvider(config.DATABASE_URL) === "sqlite") await db().$queryRawUnsafe("PRAGMA optimize=0x10002");
}
