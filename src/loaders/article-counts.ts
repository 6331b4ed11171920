import DataLoader from "dataloader";
import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import { publishedArticleSql } from "../visibility.ts";

// COUNT is a 64-bit integer, which Prisma returns as a bigint; counts of articles fit a number.
type CountRow<Key extends string> = Record<Key, number> & { count: bigint | number };

/** Published-article counts of every category that has any, in one grouped statement. */
export async function loadCategoryArticleCounts(now: Date): Promise<Map<number, number>> {
  const rows = await db().$queryRaw<CountRow<"categoryId">[]>`
    SELECT "link"."categoryId", COUNT(*) AS "count"
    FROM "ArticleCategory" AS "link" JOIN "Article" AS "article" ON "article"."id" = "link"."articleId"
    WHERE ${publishedArticleSql("article", now)}
    GROUP BY "link"."categoryId"`;
  return new Map(rows.map((row) => [row.categoryId, Number(row.count)]));
}

/** Published-article counts of the authors asked for in a request, in one grouped statement. */
export function authorArticleCountLoader(now: Date) {
  return new DataLoader<number, number>(async (authorIds) => {
    const rows = await db().$queryRaw<CountRow<"authorId">[]>`
      SELECT "article"."authorId", COUNT(*) AS "count" FROM "Article" AS "article"
      WHERE "article"."authorId" IN (${Prisma.join(authorIds)}) AND ${publishedArticleSql("article", now)}
      GROUP BY "article"."authorId"`;
    const counts = new Map(rows.map((row) => [row.authorId, Number(row.count)]));
    return authorIds.map((id) => counts.get(id) ?? 0);
  });
}
