import { db } from "../db/client.ts";

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
