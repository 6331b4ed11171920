import { db } from "../db/client.ts";
import { anonymous } from "../domain/viewer.ts";
import { publicModifiedAt } from "../domain/revisions.ts";
import { visibleArticleWhere, visiblePageWhere } from "../domain/visibility.ts";

/** What anyone may read at `now`: the sitemap and the feed show nothing else. */
export const publicScope = (now: Date) => ({ viewer: anonymous, now });

export function latest(...dates: (Date | null | undefined)[]): Date {
  return new Date(Math.max(...dates.map((date) => date?.getTime() ?? 0)));
}

/** Rows `skip` to `skip + take` of a list in its stable order. */
export interface Slice {
  skip: number;
  take: number;
}

/** Authors are listed when they have a published article. */
const listedAuthorWhere = (now: Date) => ({ articles: { some: visibleArticleWhere(publicScope(now)) } });

/** Tags are listed when they have a published article. */
const listedTagWhere = (now: Date) => ({ articles: { some: { article: visibleArticleWhere(publicScope(now)) } } });

/** How many published articles and pages there are, and authors and tags with published articles: four counts. */
export async function publishedCounts(now: Date) {
  const [articles, pages, authors, tags] = await Promise.all([
    db().article.count({ where: visibleArticleWhere(publicScope(now)) }),
    db().page.count({ where: visiblePageWhere(publicScope(now)) }),
    db().author.count({ where: listedAuthorWhere(now) }),
    db().tag.count({ where: listedTagWhere(now) }),
  ]);
  return { articles, pages, authors, tags };
}

/** When a published article last changed for readers (published, changed materially, or medically reviewed): two aggregates. */
export async function lastArticleChange(now: Date): Promise<Date> {
  const where = visibleArticleWhere(publicScope(now));
  const [changed, reviewed] = await Promise.all([
    db().article.aggregate({ where, _max: { publishedAt: true, modifiedAt: true } }),
    db().articleTrust.aggregate({ where: { article: where }, _max: { reviewedAt: true } }),
  ]);
  return latest(changed._max.publishedAt, changed._max.modifiedAt, reviewed._max.reviewedAt);
}

/**
 * Published articles, newest first, with the time each last changed for readers: its public
 * last-updated date (a MINOR edit does not move it, src/domain/revisions.ts), or its medical review.
 */
export async function publishedArticleDates(now: Date, { skip, take }: Slice) {
  const articles = await db().article.findMany({
    where: visibleArticleWhere(publicScope(now)),
    select: { slug: true, publishedAt: true, modifiedAt: true, trust: { select: { reviewedAt: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip,
    take,
  });
  return articles.map((article) => ({ slug: article.slug, lastModified: latest(publicModifiedAt(article), article.trust?.reviewedAt) }));
}

export async function publishedPageDates(now: Date, { skip, take }: Slice) {
  return db().page.findMany({ where: visiblePageWhere(publicScope(now)), select: { slug: true, updatedAt: true }, orderBy: { id: "asc" }, skip, take });
}

export async function authorsWithArticles(now: Date, { skip, take }: Slice) {
  return db().author.findMany({ where: listedAuthorWhere(now), select: { slug: true, updatedAt: true }, orderBy: { id: "asc" }, skip, take });
}

export async function tagsWithArticles(now: Date, { skip, take }: Slice) {
  return db().tag.findMany({ where: listedTagWhere(now), select: { slug: true, updatedAt: true }, orderBy: { id: "asc" }, skip, take });
}
