import type { Config } from "./config.ts";
import { db, writeDb } from "./db.ts";
import { backfillDerivedExcerpts } from "./maintenance/derived-excerpts.ts";
import { migrateDatabase } from "./migrate.ts";
import { isDatabaseEmpty, seedDemoContent } from "./seed/demo-content.ts";

/** Brings the database to the current schema and loads the demo site into an empty one. */
export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<void> {
  await migrateDatabase(config.DATABASE_URL);
  // WAL lets readers continue while a writer commits; the setting persists in the file.
  await db().$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const backfilled = await backfillDerivedExcerpts(writeDb());
  if (backfilled > 0) log(`Derived the excerpts of ${backfilled} articles saved before excerpts were stored`);
  if (config.SEED_DEMO_CONTENT === "auto" && (await isDatabaseEmpty(db()))) {
    await seedDemoContent(db());
    log("Loaded the demo content into the empty database");
  }
  await refreshPlannerStatistics();
}

/**
 * Gathers the statistics SQLite's query planner needs to pick the index that serves a list's
 * order (without them it may sort instead); cheap when they are current.
 */
export async function refreshPlannerStatistics(): Promise<void> {
  await db().$queryRawUnsafe("PRAGMA optimize=0x10002");
}
