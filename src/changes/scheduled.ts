import type { PrismaClient } from "../generated/prisma/client.ts";
import { isPrismaError } from "../db/transaction.ts";
import { cacheKeys } from "../domain/cache-keys.ts";
import { uris } from "../domain/uri.ts";
import { featuredWindowEdgeWhere, scheduledArticleWhere } from "../domain/visibility.ts";
import { appendChanges, type NewChange } from "../write/change-log.ts";
import { keysOfGoingLive } from "./mutation-effects.ts";

/** How far back a passed instant is still written (instances down for longer leave older ones out). */
export const SCHEDULE_LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * Appends the changes that happened by themselves by `now`: a scheduled article going live
 * (`article.published`) and a featured window opening or closing (`featured.changed`). Each is
 * one row whatever the number of instances: its claim key is unique, and the first insert wins.
 * An instant is skipped when a write about the same entity came at or after it (a back-dated
 * publication is its own change). Returns how many this call appended.
 */
export async function appendScheduledChanges(prisma: PrismaClient, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SCHEDULE_LOOKBACK_MS);
  const [articles, items] = await Promise.all([
    prisma.article.findMany({ where: scheduledArticleWhere(since, now), select: { id: true, slug: true, publishedAt: true } }),
    prisma.featuredItem.findMany({ where: featuredWindowEdgeWhere(since, now), select: { slot: true, articleId: true, startsAt: true, endsAt: true } }),
  ]);
  const due: { change: NewChange; after: Date }[] = [];
  for (const article of articles) {
    const at = article.publishedAt!;
    due.push({
      after: at,
      change: {
        type: "article.published",
        entityType: "Article",
        entityId: String(article.id),
        slug: article.slug,
        uriBefore: uris.article(article.slug),
        uriAfter: uris.article(article.slug),
        cacheKeys: [],
        occurredAt: at,
        claimKey: `article:${article.id}:live@${at.toISOString()}`,
      },
    });
  }
  const edges = new Map<string, { slot: string; at: Date; articleIds: Set<number> }>();
  for (const item of items) {
    for (const at of [item.startsAt, item.endsAt]) {
      if (!at || at <= since || at > now) continue;
      const key = `featured:${item.slot}@${at.toISOString()}`;
      const edge = edges.get(key) ?? { slot: item.slot, at, articleIds: new Set<number>() };
      edges.set(key, edge.articleIds.add(item.articleId) && edge);
    }
  }
  for (const [claimKey, edge] of edges) {
    const keys = [cacheKeys.featuredSlot(edge.slot), ...[...edge.articleIds].map((id) => cacheKeys.article(id))];
    due.push({ after: edge.at, change: { type: "featured.changed", entityType: "FeaturedSlot", entityId: edge.slot, cacheKeys: keys, occurredAt: edge.at, claimKey } });
  }
  if (due.length === 0) return 0;
  const claimed = new Set(
    (await prisma.contentChange.findMany({ where: { claimKey: { in: due.map(({ change }) => change.claimKey!) } }, select: { claimKey: true } })).map((row) => row.claimKey),
  );
  let appended = 0;
  for (const { change, after } of due) {
    if (claimed.has(change.claimKey!)) continue;
    const later = await prisma.contentChange.count({ where: { entityType: change.entityType, entityId: change.entityId, occurredAt: { gte: after }, claimKey: null } });
    if (later > 0) continue;
    const keys = change.entityType === "Article" ? await keysOfGoingLive(Number(change.entityId), prisma) : change.cacheKeys;
    try {
      await prisma.$transaction((tx) => appendChanges(tx, [{ ...change, cacheKeys: keys }]));
      appended += 1;
    } catch (error) {
      // Another instance claimed it first.
      if (!isPrismaError(error, "P2002")) throw error;
    }
  }
  return appended;
}
