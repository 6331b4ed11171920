import DataLoader from "dataloader";
import type { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import { visibleArticleWhere } from "../visibility.ts";
import type { Viewer } from "../viewer.ts";
import { queryRows, read } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";
import { visibleArticleSql } from "../sql/visibility.ts";

// What a menu item's target reads; other Article fields load through the schema when asked for.
const SUMMARY = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  derivedExcerpt: true,
  status: true,
  publishedAt: true,
} satisfies Prisma.ArticleSelect;

export type ArticleSummary = Prisma.ArticleGetPayload<{ select: typeof SUMMARY }>;

/** Articles the viewer may see, by id; invisible or missing ones load as null. */
export function articleByIdLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<number, ArticleSummary | null>(async (ids) => {
    const rows = await db().article.findMany({ select: SUMMARY, where: { id: { in: [...ids] }, ...visibleArticleWhere(scope) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Ids of the articles the viewer may see, by slug. Looking the id up first lets the article
 * itself be read by id: a Prisma query without the request's clock in it, whose plan is reused.
 */
export function articleIdBySlugLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<string, number | null>(async (slugs) => {
    const rows = await queryRows(sql`
      SELECT "article"."id", "article"."slug" FROM "Article" AS "article"
      WHERE "article"."slug" IN ${slugs} AND ${visibleArticleSql("article", scope)}`);
    const bySlug = new Map(rows.map((row) => [read.string(row.slug), read.int(row.id)]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
}
