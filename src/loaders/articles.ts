import DataLoader from "dataloader";
import type { Viewer } from "../viewer.ts";
import { queryRows, read } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";
import { visibleArticleSql } from "../sql/visibility.ts";

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
