import { usedProvider } from "../../db/client.ts";
import type { SearchEngine } from "./engine.ts";
import { postgresqlSearch } from "./postgresql.ts";
import { sqliteSearch } from "./sqlite.ts";

export type { SearchEngine, SearchFilter, SearchHit, SearchPosition, SearchRequest, SearchWindow } from "./engine.ts";

/** The search engine of the database this process uses. */
export function searchEngine(): SearchEngine {
  return usedProvider() === "postgresql" ? postgresqlSearch : sqliteSearch;
}
