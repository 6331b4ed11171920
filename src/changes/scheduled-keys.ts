import { db } from "../db/client.ts";
import { cacheKeys } from "../domain/cache-keys.ts";
import { featuredWindowEdgeWhere, scheduledArticleWhere } from "../domain/visibility.ts";
import { keysOfGoingLive } from "./mutation-effects.ts";

/**
 * The keys that changes scheduled in (after, upTo] affect (articles going live, featured windows
 * opening or closing), and the latest such instant.
 */
export async function keysChangedBetween(after: Date, upTo: Date): Promise<{ keys: string[]; latest?: number }> {
  const [articles, items] = await Promise.all([
    db().article.findMany({ where: scheduledArticleWhere(after, upTo), select: { id: true, publishedAt: true } }),
    db().featuredItem.findMany({ where: featuredWindowEdgeWhere(after, upTo), select: { slot: true, articleId: true, startsAt: true, endsAt: true } }),
  ]);
  const keys = new Set<string>();
  const instants = [
    ...articles.map((article) => article.publishedAt!.getTime()),
    ...items.flatMap((item) => [item.startsAt, item.endsAt]).filter((d): d is Date => d != null && d > after && d <= upTo).map((d) => d.getTime()),
  ];
  for (const item of items) keys.add(cacheKeys.featuredSlot(item.slot)).add(cacheKeys.article(item.articleId));
  // An article going live enters its lists and answers at its slug and URI; nothing else changes.
  for (const article of articles) for (const key of await keysOfGoingLive(article.id)) keys.add(key);
  return { keys: [...keys], latest: instants.length ? Math.max(...instants) : undefined };
}
