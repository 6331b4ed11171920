import DataLoader from "dataloader";
import { queryRows, read } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";
import { publishedArticleSql } from "../sql/visibility.ts";

/** Published-article counts of every category that has any, in one grouped statement. */
export async function loadCategoryArticleCounts(now: Date): Promise<Map<number, number>> {
  const rows = await queryRows(sql`
    SELECT "link"."categoryId", COUNT(*) AS "count"
    FROM "ArticleCategory" AS "link" JOIN "Article" AS "article" ON "article"."id" = "link"."articleId"
    WHERE ${publishedArticleSql("article", now)}
    GROUP BY "link"."categoryId"`);
  return new Map(rows.map((row) => [read.int(row.categoryId), read.int(row.count)]));
}

/** Published-article counts of the authors asked for in a request, in one grouped statement. */
export function authorArticleCountLoader(now: Date) {
  return new DataLoader<number, number>(async (authorIds) => {
    const rows = await queryRows(sql`
      SELECT "article"."authorId", COUNT(*) AS "count" FROM "Article" AS "article"
      WHERE "article"."authorId" IN ${authorIds} AND ${publishedArticleSql("article", now)}
      GROUP BY "article"."authorId"`);
    const counts = new Map(rows.map((row) => [read.int(row.authorId), read.int(row.count)]));
    return authorIds.map((id) => counts.get(id) ?? 0);
  });
}
