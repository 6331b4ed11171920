import { db } from "../db.ts";
import { publishedArticleWhere } from "../visibility.ts";

/** Published-article counts of every category that has any, in one grouped statement. */
export async function loadCategoryArticleCounts(now: Date): Promise<Map<number, number>> {
  const groups = await db().articleCategory.groupBy({
    by: ["categoryId"],
    where: { article: publishedArticleWhere(now) },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.categoryId, g._count._all]));
}
