import type { Config } from "./config.ts";
import { databaseProvider, db, writeDb } from "./db.ts";
import { backfillDerivedExcerpts } from "./maintenance/derived-excerpts.ts";
import { backfillSearchText } from "./maintenance/search-text.ts";
import { migrateDatabase } from "./migrate.ts";
import { isDatabaseEmpty, seedDemoContent } from "./seed/demo-content.ts";

/** Brings the database to the current schema and loads the demo site into an empty one. */
export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<void> {
  await migrateDatabase(config.DATABASE_URL);
  // WAL lets readers continue while a writer commits; the setting persists in the file.
  if (databaseProvider(config.DATABASE_URL) === "sqlite") await db().$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const backfilled = await backfillDerivedExcerpts(writeDb());
  if (backfilled > 0) log(`Derived the excerpts of ${backfilled} articles saved before excerpts were stored`);
  const searchable = await backfillSearchText(writeDb());
  if (searchable > 0) log(`Made ${searchable} articles saved without search text searchable`);
  if (config.SEED_DEMO_CONTENT === "auto" && (await isDatabaseEmpty(db()))) {
    await seedDemoContent(db());
    log("Loaded the demo content into the empty database");
  }
  // The statistics SQLite's planner needs to pick the index that serves a list's order (without
  // them it may sort instead); cheap when they are current. PostgreSQL's autovacuum keeps its own.
  if (databaseProvider(config.DATABASE_URL) === "sqlite") await db().$queryRawUnsafe("PRAGMA optimize=0x10002");
}
