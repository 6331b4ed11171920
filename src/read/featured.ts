import DataLoader from "dataloader";
import { Prisma, type Article, type FeaturedItem } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";
import { isEditor } from "../domain/viewer.ts";
import { liveFeaturedWindowSql, publishedArticleSql, visibleArticleSql, type VisibilityScope } from "../domain/visibility.ts";

/** What a featured item shows of its article; the schema loads any other field asked of it. */
export type FeaturedArticle = Pick<Article, "id" | "title" | "excerpt" | "derivedExcerpt">;

export type FeaturedItemRow = Omit<FeaturedItem, "articleId"> & { article: FeaturedArticle };

type FlatRow = FeaturedItem & {
  articleTitle: Article["title"];
  articleExcerpt: Article["excerpt"];
  articleDerivedExcerpt: Article["derivedExcerpt"];
};

function featuredItemOf({ articleId, articleTitle, articleExcerpt, articleDerivedExcerpt, ...item }: FlatRow): FeaturedItemRow {
  return { ...item, article: { id: articleId, title: articleTitle, excerpt: articleExcerpt, derivedExcerpt: articleDerivedExcerpt } };
}

export function featuredItemsSql(slots: readonly string[], which: "live" | "all", scope: VisibilityScope): Prisma.Sql {
  const where =
    which === "live"
      ? Prisma.sql`${liveFeaturedWindowSql("item", scope.now)} AND ${isEditor(scope.viewer) ? publishedArticleSql("article", scope.now) : visibleArticleSql("article", scope)}`
      : visibleArticleSql("article", scope);
  return Prisma.sql`
    SELECT "item"."id", "item"."slot", "item"."position", "item"."articleId", "item"."title", "item"."excerpt",
           "item"."startsAt", "item"."endsAt",
           "article"."title" AS "articleTitle", "article"."excerpt" AS "articleExcerpt",
           "article"."derivedExcerpt" AS "articleDerivedExcerpt"
    FROM "FeaturedItem" AS "item" JOIN "Article" AS "article" ON "article"."id" = "item"."articleId"
    WHERE "item"."slot" IN (${Prisma.join(slots)}) AND ${where}
    ORDER BY "item"."position", "item"."id"`;
}

/**
 * Featured items of the given slots with their articles, in order, in one statement: the live
 * ones whose articles are published (what everyone sees, editors included; a preview viewer also
 * sees its one article there), or every item whose
 * article the viewer may see (what editors manage).
 */
export async function loadFeaturedItems(slots: readonly string[], which: "live" | "all", scope: VisibilityScope): Promise<FeaturedItemRow[]> {
  const rows = await db().$queryRaw<FlatRow[]>(featuredItemsSql(slots, which, scope));
  return rows.map(featuredItemOf);
}

/** The live items of every slot asked for in a request. */
export function featuredBySlotLoader(scope: VisibilityScope) {
  return new DataLoader<string, FeaturedItemRow[]>(async (slots) => {
    const items = await loadFeaturedItems(slots, "live", scope);
    return slots.map((slot) => items.filter((item) => item.slot === slot));
  });
}
