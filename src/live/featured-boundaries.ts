import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";
import { scheduledArticleSql } from "../domain/visibility.ts";

/**
 * The next moment after `after` at which what these slots show may change by itself: an item's
 * window opens or closes, or a featured article's publication time comes. Null when none is set.
 */
export async function nextFeaturedChange(slots: readonly string[], after: Date): Promise<Date | null> {
  const inSlots = Prisma.join(slots);
  const [row] = await db().$queryRaw<{ next: Date | string | null }[]>`
    SELECT MIN("at") AS "next" FROM (
      SELECT "startsAt" AS "at" FROM "FeaturedItem" WHERE "slot" IN (${inSlots}) AND "startsAt" > ${after}
      UNION ALL
      SELECT "endsAt" AS "at" FROM "FeaturedItem" WHERE "slot" IN (${inSlots}) AND "endsAt" > ${after}
      UNION ALL
      SELECT "article"."publishedAt" AS "at"
      FROM "FeaturedItem" AS "item" JOIN "Article" AS "article" ON "article"."id" = "item"."articleId"
      WHERE "item"."slot" IN (${inSlots}) AND ${scheduledArticleSql("article", after)}
    ) AS "changes"`;
  // SQLite hands an aggregate of stored instants back as their canonical text.
  return row?.next == null ? null : new Date(row.next);
}
