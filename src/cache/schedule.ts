import { db } from "../db.ts";
import { cacheKeys } from "./keys.ts";
import { articleEffect } from "./mutation-effects.ts";

/** The next instant after `now` at which a scheduled article goes live or a featured window opens or closes. */
export async function nextScheduledChange(now: Date): Promise<Date | undefined> {
  const [article, starts, ends] = await Promise.all([
    db().article.aggregate({ where: { status: "PUBLISHED", publishedAt: { gt: now } }, _min: { publishedAt: true } }),
    db().featuredItem.aggregate({ where: { startsAt: { gt: now } }, _min: { startsAt: true } }),
    db().featuredItem.aggregate({ where: { endsAt: { gt: now } }, _min: { endsAt: true } }),
  ]);
  const instants = [article._min.publishedAt, starts._min.startsAt, ends._min.endsAt].filter((d): d is Date => d != null);
  return instants.length ? new Date(Math.min(...instants.map((d) => d.getTime()))) : undefined;
}

/**
 * The keys that changes scheduled in (after, upTo] affect (articles going live, featured windows
 * opening or closing), and the latest such instant.
 */
export async function keysChangedBetween(after: Date, upTo: Date): Promise<{ keys: string[]; latest?: number }> {
  const window = { gt: after, lte: upTo };
  const [articles, items] = await Promise.all([
    db().article.findMany({ where: { status: "PUBLISHED", publishedAt: window }, select: { id: true, publishedAt: true } }),
    db().featuredItem.findMany({ where: { OR: [{ startsAt: window }, { endsAt: window }] }, select: { slot: true, articleId: true, startsAt: true, endsAt: true } }),
  ]);
  const keys = new Set<string>();
  const instants = [
    ...articles.map((article) => article.publishedAt!.getTime()),
    ...items.flatMap((item) => [item.startsAt, item.endsAt]).filter((d): d is Date => d != null && d > after && d <= upTo).map((d) => d.getTime()),
  ];
  for (const item of items) keys.add(cacheKeys.featuredSlot(item.slot)).add(cacheKeys.article(item.articleId));
  for (const article of articles) for (const key of await articleEffect(article.id, upTo)) keys.add(key);
  return { keys: [...keys], latest: instants.length ? Math.max(...instants) : undefined };
}
