import { queryRows, read } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";

/**
 * The next moment after `after` at which what these slots show may change by itself: an item's
 * window opens or closes, or a featured article's publication time comes. Null when none is set.
 */
export async function nextFeaturedChange(slots: readonly string[], after: Date): Promise<Date | null> {
  const [row] = await queryRows(sql`
    SELECT MIN("at") AS "next" FROM (
      SELECT "startsAt" AS "at" FROM "FeaturedItem" WHERE "slot" IN ${slots} AND "startsAt" > ${after}
      UNION ALL
      SELECT "endsAt" AS "at" FROM "FeaturedItem" WHERE "slot" IN ${slots} AND "endsAt" > ${after}
      UNION ALL
      SELECT "article"."publishedAt" AS "at"
      FROM "FeaturedItem" AS "item" JOIN "Article" AS "article" ON "article"."id" = "item"."articleId"
      WHERE "item"."slot" IN ${slots} AND "article"."status" = ${"PUBLISHED"} AND "article"."publishedAt" > ${after}
    ) AS "changes"`);
  return read.dateOrNull(row?.next);
}
