import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";
import { scheduledArticleSql } from "../domain/visibility.ts";

// Live counts = the count the triggers keep (PUBLISHED with a publication time) minus those
// scheduled for later: the same cost whatever the size of the site, and exact when a scheduled
// article's time passes with no write. COUNT is 64-bit: Prisma returns a bigint on PostgreSQL.
type CountRow = { id: number; count: bigint | number };

/** Each category's id with its live published-article count; a fragment for the category directory's FROM. */
export function categoryArticleCountsSql(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT "category"."id", "category"."publishedArticleCount" - COALESCE("scheduled"."count", 0) AS "count"
    FROM "Category" AS "category"
    LEFT JOIN (
      SELECT "link"."categoryId", COUNT(*) AS "count"
      FROM "Article" AS "article" JOIN "ArticleCategory" AS "link" ON "link"."articleId" = "article"."id"
      WHERE ${scheduledArticleSql("article", now)}
      GROUP BY "link"."categoryId"
    ) AS "scheduled" ON "scheduled"."categoryId" = "category"."id"`;
}

export function authorArticleCountsSql(authorIds: readonly number[], now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT "author"."id", "author"."publishedArticleCount" - (
      SELECT COUNT(*) FROM "Article" AS "article" WHERE "article"."authorId" = "author"."id" AND ${scheduledArticleSql("article", now)}
    ) AS "count"
    FROM "Author" AS "author" WHERE "author"."id" IN (${Prisma.join(authorIds)})`;
}

/** The live published-article count of the author with this slug (0 for none), in one statement. */
export async function authorArticleCountBySlug(slug: string, now: Date): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint | number }[]>(Prisma.sql`
    SELECT "author"."publishedArticleCount" - (
      SELECT COUNT(*) FROM "Article" AS "article" WHERE "article"."authorId" = "author"."id" AND ${scheduledArticleSql("article", now)}
    ) AS "count"
    FROM "Author" AS "author" WHERE "author"."slug" = ${slug}`);
  return Number(row?.count ?? 0);
}

/** Published-article counts of the authors asked for in a request, in one statement. */
export function authorArticleCountLoader(now: Date) {
  return new DataLoader<number, number>(async (authorIds) => {
    const rows = await db().$queryRaw<CountRow[]>(authorArticleCountsSql(authorIds, now));
    const counts = new Map(rows.map((row) => [row.id, Number(row.count)]));
    return authorIds.map((id) => counts.get(id) ?? 0);
  });
}

export function tagArticleCountsSql(tagIds: readonly number[], now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT "tag"."id", "tag"."publishedArticleCount" - (
      SELECT COUNT(*) FROM "Article" AS "article" JOIN "ArticleTag" AS "link" ON "link"."articleId" = "article"."id"
      WHERE "link"."tagId" = "tag"."id" AND ${scheduledArticleSql("article", now)}
    ) AS "count"
    FROM "Tag" AS "tag" WHERE "tag"."id" IN (${Prisma.join(tagIds)})`;
}

/** Published-article counts of the tags asked for in a request, in one statement. */
export function tagArticleCountLoader(now: Date) {
  return new DataLoader<number, number>(async (tagIds) => {
    const rows = await db().$queryRaw<CountRow[]>(tagArticleCountsSql(tagIds, now));
    const counts = new Map(rows.map((row) => [row.id, Number(row.count)]));
    return tagIds.map((id) => counts.get(id) ?? 0);
  });
}
