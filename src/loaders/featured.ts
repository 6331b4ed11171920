import DataLoader from "dataloader";
import type { ArticleSummary } from "./articles.ts";
import { queryRows, read, type Row } from "../sql/query.ts";
import { sql, type Statement } from "../sql/statement.ts";
import { activeFeaturedSql, publishedArticleSql } from "../sql/visibility.ts";

export interface FeaturedItemRow {
  id: number;
  slot: string;
  position: number;
  title: string | null;
  excerpt: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  article: ArticleSummary;
}

function featuredItemOf(row: Row): FeaturedItemRow {
  return {
    id: read.int(row.id),
    slot: read.string(row.slot),
    position: read.int(row.position),
    title: read.stringOrNull(row.title),
    excerpt: read.stringOrNull(row.excerpt),
    startsAt: read.dateOrNull(row.startsAt),
    endsAt: read.dateOrNull(row.endsAt),
    article: {
      id: read.int(row.articleId),
      slug: read.string(row.articleSlug),
      title: read.string(row.articleTitle),
      excerpt: read.stringOrNull(row.articleExcerpt),
      derivedExcerpt: read.string(row.articleDerivedExcerpt),
      status: read.string(row.articleStatus),
      publishedAt: read.dateOrNull(row.articlePublishedAt),
    },
  };
}

/** Featured items of the given slots with their articles, in order, as far as `where` lets through. */
export async function loadFeaturedItems(slots: readonly string[], where: Statement): Promise<FeaturedItemRow[]> {
  const rows = await queryRows(sql`
    SELECT "item"."id", "item"."slot", "item"."position", "item"."title", "item"."excerpt", "item"."startsAt", "item"."endsAt",
           "article"."id" AS "articleId", "article"."slug" AS "articleSlug", "article"."title" AS "articleTitle",
           "article"."excerpt" AS "articleExcerpt", "article"."derivedExcerpt" AS "articleDerivedExcerpt",
           "article"."status" AS "articleStatus", "article"."publishedAt" AS "articlePublishedAt"
    FROM "FeaturedItem" AS "item" JOIN "Article" AS "article" ON "article"."id" = "item"."articleId"
    WHERE "item"."slot" IN ${slots} AND ${where}
    ORDER BY "item"."position", "item"."id"`);
  return rows.map(featuredItemOf);
}

/**
 * The live items of every slot asked for in a request, with their (published) articles, in
 * one statement. Live for everyone alike: editors see what readers see.
 */
export function featuredBySlotLoader(scope: { now: Date }) {
  return new DataLoader<string, FeaturedItemRow[]>(async (slots) => {
    const items = await loadFeaturedItems(slots, sql`${activeFeaturedSql("item", scope.now)} AND ${publishedArticleSql("article", scope.now)}`);
    return slots.map((slot) => items.filter((item) => item.slot === slot));
  });
}
