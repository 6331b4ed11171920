import DataLoader from "dataloader";
import { Prisma, type ArticleCategory, type Tag } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";

type Link = Pick<ArticleCategory, "articleId" | "categoryId">;

/**
 * The category ids of articles, in editorial order (the first is the primary category): every
 * article a request shows in one statement, read with $queryRaw. Read apart from the article
 * rows, so the query that loads articles stays a query of one table, which Prisma compiles at a
 * fraction of the cost of one with a nested relation.
 */
export function categoryIdsByArticleLoader() {
  return new DataLoader<number, number[]>(async (articleIds) => {
    const links = await db().$queryRaw<Link[]>`
      SELECT "articleId", "categoryId" FROM "ArticleCategory"
      WHERE "articleId" IN (${Prisma.join(articleIds)})
      ORDER BY "articleId", "position", "categoryId"`;
    const byArticle = new Map<number, number[]>(articleIds.map((id) => [id, []]));
    for (const link of links) byArticle.get(link.articleId)!.push(link.categoryId);
    return articleIds.map((id) => byArticle.get(id)!);
  });
}

/** The tags of articles in their order, every article a request shows in one statement. */
export function tagsByArticleLoader() {
  return new DataLoader<number, Tag[]>(async (articleIds) => {
    const links = await db().articleTag.findMany({
      where: { articleId: { in: [...articleIds] } },
      orderBy: [{ articleId: "asc" }, { position: "asc" }, { tagId: "asc" }],
      select: { articleId: true, tag: true },
    });
    const byArticle = new Map<number, Tag[]>(articleIds.map((id) => [id, []]));
    for (const link of links) byArticle.get(link.articleId)!.push(link.tag);
    return articleIds.map((id) => byArticle.get(id)!);
  });
}
