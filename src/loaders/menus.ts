import DataLoader from "dataloader";
import type { Viewer } from "../viewer.ts";
import { queryRows, read, type Row } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";
import { visibleArticleSql, visiblePageSql } from "../sql/visibility.ts";

export interface MenuItemRow {
  id: number;
  parentId: number | null;
  label: string;
  url: string | null;
  categoryId: number | null;
  articleId: number | null;
  pageId: number | null;
  /** The linked article's slug; null when it links none or the viewer may not see it. */
  articleSlug: string | null;
  pageSlug: string | null;
}

export interface MenuRow {
  location: string;
  name: string;
  /** Every item of the tree in order, items whose article or page the viewer may not see left out. */
  items: MenuItemRow[];
}

function itemOf(row: Row): MenuItemRow {
  return {
    id: read.int(row.id),
    parentId: read.intOrNull(row.parentId),
    label: read.string(row.label),
    url: read.stringOrNull(row.url),
    categoryId: read.intOrNull(row.categoryId),
    articleId: read.intOrNull(row.articleId),
    pageId: read.intOrNull(row.pageId),
    articleSlug: read.stringOrNull(row.articleSlug),
    pageSlug: read.stringOrNull(row.pageSlug),
  };
}

const linksHiddenTarget = (item: MenuItemRow) =>
  (item.articleId != null && item.articleSlug == null) || (item.pageId != null && item.pageSlug == null);

/**
 * Menus by location with their whole item trees and the slugs of the articles and pages they
 * link: one statement for any number of menus and items.
 */
export function menuByLocationLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<string, MenuRow | null>(async (locations) => {
    const rows = await queryRows(sql`
      SELECT "menu"."location", "menu"."name",
             "item"."id", "item"."parentId", "item"."label", "item"."url", "item"."categoryId", "item"."articleId", "item"."pageId",
             "article"."slug" AS "articleSlug", "page"."slug" AS "pageSlug"
      FROM "Menu" AS "menu"
      LEFT JOIN "MenuItem" AS "item" ON "item"."menuId" = "menu"."id"
      LEFT JOIN "Article" AS "article" ON "article"."id" = "item"."articleId" AND ${visibleArticleSql("article", scope)}
      LEFT JOIN "Page" AS "page" ON "page"."id" = "item"."pageId" AND ${visiblePageSql("page", scope)}
      WHERE "menu"."location" IN ${[...locations]}
      ORDER BY "item"."position", "item"."id"`);

    const menus = new Map<string, MenuRow>();
    for (const row of rows) {
      const location = read.string(row.location);
      let menu = menus.get(location);
      if (!menu) {
        menu = { location, name: read.string(row.name), items: [] };
        menus.set(location, menu);
      }
      if (row.id == null) continue; // a menu without items
      const item = itemOf(row);
      if (!linksHiddenTarget(item)) menu.items.push(item);
    }
    return locations.map((location) => menus.get(location) ?? null);
  });
}
