import { Prisma } from "../generated/prisma/client.ts";
import { isEditor, previewedArticleId, type Viewer } from "./viewer.ts";

/**
 * What a caller may see, defined once. Every path takes its form from here: Prisma filters
 * for plugin-prisma and the client, SQL fragments for `$queryRaw`, and in-memory checks for
 * rows already read. The database constrains statuses to these lists and stores instants in
 * one canonical form (see prisma/migrations), so the SQL comparisons are comparisons of instants.
 */
export const ARTICLE_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const PAGE_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** The status an article or page needs to be seen by anyone. */
const LIVE_STATUS = "PUBLISHED" satisfies ArticleStatus & PageStatus;

export interface VisibilityScope {
  viewer: Viewer;
  /** The request's clock: every check in one request compares with the same instant. */
  now: Date;
}

// Articles: live when PUBLISHED and publishedAt is not after now.

export function isLiveArticle(article: { status: string; publishedAt: Date | null }, now: Date): boolean {
  return article.status === LIVE_STATUS && article.publishedAt != null && article.publishedAt.getTime() <= now.getTime();
}

export function publishedArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { status: LIVE_STATUS, publishedAt: { lte: now } };
}

/**
 * Editors see every article; a preview viewer sees the live ones and the one article of its
 * link, whatever its status; everyone else the live ones.
 */
export function visibleArticleWhere({ viewer, now }: VisibilityScope): Prisma.ArticleWhereInput {
  if (isEditor(viewer)) return {};
  const previewed = previewedArticleId(viewer);
  return previewed == null ? publishedArticleWhere(now) : { OR: [publishedArticleWhere(now), { id: previewed }] };
}

/** The in-memory form of visibleArticleWhere, for rows already read. */
export function isVisibleArticle(article: { id: number; status: string; publishedAt: Date | null }, { viewer, now }: VisibilityScope): boolean {
  return isEditor(viewer) || previewedArticleId(viewer) === article.id || isLiveArticle(article, now);
}

/** `alias` is the table's alias in the statement: written by the code, never taken from input. */
export function publishedArticleSql(alias: string, now: Date): Prisma.Sql {
  return Prisma.sql`${column(alias, "status")} = ${LIVE_STATUS} AND ${column(alias, "publishedAt")} <= ${now}`;
}

/** `idColumn`: the article's id in that table (`articleId` in a table that copies the article's status). */
export function visibleArticleSql(alias: string, { viewer, now }: VisibilityScope, idColumn = "id"): Prisma.Sql {
  if (isEditor(viewer)) return Prisma.sql`1 = 1`;
  const previewed = previewedArticleId(viewer);
  return previewed == null
    ? publishedArticleSql(alias, now)
    : Prisma.sql`(${publishedArticleSql(alias, now)} OR ${column(alias, idColumn)} = ${previewed})`;
}

/**
 * PUBLISHED articles whose time has not come. Categories and authors keep a count of their
 * PUBLISHED articles with a publication time, maintained by database triggers (see the
 * published_article_counts migration); the live count is that minus these, which an index on
 * (status, publishedAt) finds without reading the rest of the site.
 */
export function scheduledArticleSql(alias: string, now: Date): Prisma.Sql {
  return Prisma.sql`${column(alias, "status")} = ${LIVE_STATUS} AND ${column(alias, "publishedAt")} > ${now}`;
}

/** PUBLISHED articles that go live in (after, upTo]: the Prisma form of scheduledArticleSql, bounded. */
export function scheduledArticleWhere(after: Date, upTo: Date): Prisma.ArticleWhereInput {
  return { status: LIVE_STATUS, publishedAt: { gt: after, lte: upTo } };
}

// Pages: live when PUBLISHED.

export function isLivePage(page: { status: string }): boolean {
  return page.status === LIVE_STATUS;
}

export function visiblePageWhere({ viewer }: VisibilityScope): Prisma.PageWhereInput {
  return isEditor(viewer) ? {} : { status: LIVE_STATUS };
}

export function visiblePageSql(alias: string, { viewer }: VisibilityScope): Prisma.Sql {
  return isEditor(viewer) ? Prisma.sql`1 = 1` : Prisma.sql`${column(alias, "status")} = ${LIVE_STATUS}`;
}

// Featured items: live from startsAt (inclusive) until endsAt (exclusive); either may be open.
// Everyone, editors included, sees a slot's live items whose articles are live.

/** The window only; the statement joins the item's article and applies publishedArticleSql to it. */
export function liveFeaturedWindowSql(alias: string, now: Date): Prisma.Sql {
  const startsAt = column(alias, "startsAt");
  const endsAt = column(alias, "endsAt");
  return Prisma.sql`(${startsAt} IS NULL OR ${startsAt} <= ${now}) AND (${endsAt} IS NULL OR ${endsAt} > ${now})`;
}

/**
 * Items whose window opens or closes in (after, upTo]: at its startsAt an item starts showing,
 * at its endsAt it stops, so either instant changes what its slot shows.
 */
export function featuredWindowEdgeWhere(after: Date, upTo: Date): Prisma.FeaturedItemWhereInput {
  const window = { gt: after, lte: upTo };
  return { OR: [{ startsAt: window }, { endsAt: window }] };
}

/** The item's `edge` (startsAt or endsAt) is still ahead of `now`: its window opens or closes then. */
export function featuredWindowEdgeSql(alias: string, edge: "startsAt" | "endsAt", now: Date): Prisma.Sql {
  return Prisma.sql`${column(alias, edge)} > ${now}`;
}

function column(alias: string, name: string): Prisma.Sql {
  return Prisma.raw(`"${alias}"."${name}"`);
}
