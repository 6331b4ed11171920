import { db } from "../db/client.ts";
import { anonymous } from "../domain/viewer.ts";
import { visibleArticleWhere, visiblePageWhere } from "../domain/visibility.ts";

/** What anyone may read at `now`: the sitemap and the feed show nothing else. */
export const publicScope = (now: Date) => ({ viewer: anonymous, now });

export function latest(...dates: (Date | null | undefined)[]): Date {
  return new Date(Math.max(...dates.map((date) => date?.getTime() ?? 0)));
}

/** Published articles with the time each last changed: saved, or medically reviewed. */
export async function publishedArticleDates(now: Date) {
  const articles = await db().article.findMany({
    where: visibleArticleWhere(publicScope(now)),
    select: { slug: true, updatedAt: true, trust: { select: { reviewedAt: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  return articles.map((article) => ({ slug: article.slug, lastModified: latest(article.updatedAt, article.trust?.reviewedAt) }));
}

export async function publishedPageDates(now: Date) {
  return db().page.findMany({ where: visiblePageWhere(publicScope(now)), select: { slug: true, updatedAt: true }, orderBy: { id: "asc" } });
}

/** Authors are listed when they have a published article. */
export async function authorsWithArticles(now: Date) {
  return db().author.findMany({
    where: { articles: { some: visibleArticleWhere(publicScope(now)) } },
    select: { slug: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
}
