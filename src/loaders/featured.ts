import DataLoader from "dataloader";
import type { Article } from "../generated/prisma/client.ts";
import { queryRows, read, type Row } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";
import { activeFeaturedSql, publishedArticleSql, visibleArticleSql } from "../sql/visibility.ts";
import type { Viewer } from "../viewer.ts";

/** What a featured item shows of its article; the schema loads any other field asked of it. */
export type FeaturedArticle = Pick<Article, "id" | "title" | "excerpt" | "derivedExcerpt">;

export interface FeaturedItemRow {
  id: number;
  slot: string;
  position: number;
  title: string | null;
  excerpt: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  article: FeaturedArticle;
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
      title: read.string(row.articleTitle),
      excerpt: read.stringOrNull(row.articleExcerpt),
      derivedExcerpt: read.string(row.articleDerivedExcerpt),
    },
  };
}

interface Scope {
  viewer: Viewer;
  now: Date;
}

/**
 * Featured items of the given slots with their articles, in order, in one statement: the live
 * ones whose articles are published (what everyone sees, editors included), or every item whose
 * article the viewer may see (what editors manage).
 */
export async function loadFeaturedItems(slots: readonly string[], which: "live" | "all", scope: Scope): Promise<FeaturedItemRow[]> {
  const where =
    which === "live"
      ? sql`${activeFeaturedSql("item", scope.now)} AND ${publishedArticleSql("article", scope.now)}`
      : visibleArticleSql("article", scope);
  const rows = await queryRows(sql`
    SELECT "item"."id", "item"."slot", "item"."position", "item"."title", "item"."excerpt", "item"."startsAt", "item"."endsAt",
           "article"."id" AS "articleId", "article"."title" AS "articleTitle",
           "article"."excerpt" AS "articleExcerpt", "article"."derivedExcerpt" AS "articleDerivedExcerpt"
    FROM "FeaturedItem" AS "item" JOIN "Article" AS "article" ON "article"."id" = "item"."articleId"
    WHERE "item"."slot" IN ${slots} AND ${where}
    ORDER BY "item"."position", "item"."id"`);
  return rows.map(featuredItemOf);
}

/** The live items of every slot asked for in a request. */
export function featuredBySlotLoader(scope: Scope) {
  return new DataLoader<string, FeaturedItemRow[]>(async (slots) => {
    const items = await loadFeaturedItems(slots, "live", scope);
    return slots.map((slot) => items.filter((item) => item.slot === slot));
  });
}
