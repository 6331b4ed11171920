import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";
import { featuredWindowEdgeSql, scheduledArticleSql } from "../domain/visibility.ts";

/**
 * The schedule is read again at least this often, even when nothing is due: changes made
 * without an event here (by another instance, or an article unpublished under a live widget)
 * are seen within this time, and a schedule that could not be read is tried again after it.
 */
export const SCHEDULE_RECHECK_MS = 30_000;

/**
 * The next instant after `now` at which what anyone sees changes by itself: a scheduled article
 * goes live, or a featured window opens or closes. With `slots`, only what these featured
 * slots show: their items' windows and their articles' publication. Undefined when none is set.
 */
export async function nextScheduledChange(now: Date, slots?: readonly string[]): Promise<Date | undefined> {
  const inSlots = slots ? Prisma.sql`"item"."slot" IN (${Prisma.join(slots)})` : Prisma.sql`1 = 1`;
  const scheduledArticles = slots
    ? Prisma.sql`FROM "FeaturedItem" AS "item" JOIN "Article" AS "article" ON "article"."id" = "item"."articleId" WHERE ${inSlots} AND ${scheduledArticleSql("article", now)}`
    : Prisma.sql`FROM "Article" AS "article" WHERE ${scheduledArticleSql("article", now)}`;
  const [row] = await db().$queryRaw<{ next: Date | string | null }[]>`
    SELECT MIN("at") AS "next" FROM (
      SELECT MIN("item"."startsAt") AS "at" FROM "FeaturedItem" AS "item" WHERE ${inSlots} AND ${featuredWindowEdgeSql("item", "startsAt", now)}
      UNION ALL
      SELECT MIN("item"."endsAt") AS "at" FROM "FeaturedItem" AS "item" WHERE ${inSlots} AND ${featuredWindowEdgeSql("item", "endsAt", now)}
      UNION ALL
      SELECT MIN("article"."publishedAt") AS "at" ${scheduledArticles}
    ) AS "changes"`;
  // SQLite hands an aggregate of stored instants back as their canonical text.
  return row?.next == null ? undefined : new Date(row.next);
}

/** How long until the schedule is read again, once it was read at `now` and found `next`. */
export function untilNextRead(next: Date | undefined, now: Date): number {
  return Math.max(0, Math.min(SCHEDULE_RECHECK_MS, next ? next.getTime() - now.getTime() : SCHEDULE_RECHECK_MS));
}
