import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";
import { visibleArticleSql, type VisibilityScope } from "../domain/visibility.ts";

/** A category-filtered article list's filter, in the terms its category links hold. */
export interface FiledArticleFilter {
  /** The category and every category below it. */
  categoryIds: readonly number[];
  authorSlug?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  status?: string | null;
}

/**
 * How many articles a category-filtered list holds, read from the category links' copies of
 * status, publication instant and author (kept by triggers), through their indexes: the article
 * rows are never read, so the cost follows the category's size, not the site's. An article filed
 * in a category and in one below it counts once.
 */
export async function countFiledArticles(filter: FiledArticleFilter, scope: VisibilityScope): Promise<number> {
  if (filter.categoryIds.length === 0) return 0;
  const [row] = await db().$queryRaw<{ count: bigint | number }[]>(filedArticleCountSql(filter, scope));
  return Number(row?.count ?? 0);
}

export function filedArticleCountSql(filter: FiledArticleFilter, scope: VisibilityScope): Prisma.Sql {
  const conditions = [
    Prisma.sql`"link"."categoryId" IN (${Prisma.join(filter.categoryIds)})`,
    visibleArticleSql("link", scope, "articleId"),
    ...(filter.authorSlug != null ? [Prisma.sql`"link"."authorId" = (SELECT "id" FROM "Author" WHERE "slug" = ${filter.authorSlug})`] : []),
    ...(filter.publishedAfter ? [Prisma.sql`"link"."publishedAt" >= ${filter.publishedAfter}`] : []),
    ...(filter.publishedBefore ? [Prisma.sql`"link"."publishedAt" < ${filter.publishedBefore}`] : []),
    ...(filter.status != null ? [Prisma.sql`"link"."status" = ${filter.status}`] : []),
  ];
  const counted = filter.categoryIds.length === 1 ? Prisma.sql`COUNT(*)` : Prisma.sql`COUNT(DISTINCT "link"."articleId")`;
  return Prisma.sql`SELECT ${counted} AS "count" FROM "ArticleCategory" AS "link" WHERE ${Prisma.join(conditions, " AND ")}`;
}
