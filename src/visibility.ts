import type { Prisma } from "./generated/prisma/client.ts";
import { canSeeUnpublished, type Viewer } from "./viewer.ts";

export const ARTICLE_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

interface VisibilityScope {
  viewer: Viewer;
  now: Date;
}

/** Published and not scheduled for later: what anyone may read. */
export function publishedArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now } };
}

/**
 * The one visibility rule for articles, applied on every path that reaches one (the reads
 * written in SQL state the same rules in src/sql/visibility.ts).
 * Editors see every status; everyone else sees published articles only.
 */
export function visibleArticleWhere({ viewer, now }: VisibilityScope): Prisma.ArticleWhereInput {
  return canSeeUnpublished(viewer) ? {} : publishedArticleWhere(now);
}

/** The rule of publishedArticleWhere, for an article already read. */
export function isPublicArticle(article: { status: string; publishedAt: Date | null }, now: Date): boolean {
  return article.status === "PUBLISHED" && article.publishedAt != null && article.publishedAt <= now;
}

export function isPublicPage(page: { status: string }): boolean {
  return page.status === "PUBLISHED";
}

export function visiblePageWhere({ viewer }: VisibilityScope): Prisma.PageWhereInput {
  return canSeeUnpublished(viewer) ? {} : { status: "PUBLISHED" };
}
