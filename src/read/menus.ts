import DataLoader from "dataloader";
import { Prisma, type Article, type Menu, type MenuItem, type Page } from "../generated/prisma/client.ts";
import { db } from "../db/client.ts";
import { visibleArticleSql, visiblePageSql, type VisibilityScope } from "../domain/visibility.ts";

export type MenuItemRow = Omit<MenuItem, "menuId" | "position"> & {
  /** The linked article's slug; null when it links none or the viewer may not see it. */
  articleSlug: Article["slug"] | null;
  pageSlug: Page["slug"] | null;
};

export type MenuRow = Pick<Menu, "location" | "name"> & {
  /** Every item of the tree in order, items whose article or page the viewer may not see left out. */
  items: MenuItemRow[];
};

/** A menu's row joined with one of its items, or with nulls when it has none. */
type FlatRow = Pick<Menu, "location" | "name"> & { [K in keyof MenuItemRow]: MenuItemRow[K] | null };

const linksHiddenTarget = (item: MenuItemRow) =>
  (item.articleId != null && item.articleSlug == null) || (item.pageId != null && item.pageSlug == null);

export function menusSql(locations: readonly string[], scope: VisibilityScope): Prisma.Sql {
  return Prisma.sql`
    SELECT "menu"."location", "menu"."name",
           "item"."id", "item"."parentId", "item"."label", "item"."url", "item"."categoryId", "item"."articleId", "item"."pageId",
           "article"."slug" AS "articleSlug", "page"."slug" AS "pageSlug"
    FROM "Menu" AS "menu"
    LEFT JOIN "MenuItem" AS "item" ON "item"."menuId" = "menu"."id"
    LEFT JOIN "Article" AS "article" ON "article"."id" = "item"."articleId" AND ${visibleArticleSql("article", scope)}
    LEFT JOIN "Page" AS "page" ON "page"."id" = "item"."pageId" AND ${visiblePageSql("page", scope)}
    WHERE "menu"."location" IN (${Prisma.join(locations)})
    ORDER BY "item"."position", "item"."id"`;
}

/**
 * Menus by location with their whole item trees and the slugs of the articles and pages they
 * link: one statement for any number of menus and items.
 */
export function menuByLocationLoader(scope: VisibilityScope) {
  return new DataLoader<string, MenuRow | null>(async (locations) => {
    const rows = await db().$queryRaw<FlatRow[]>(menusSql(locations, scope));

    const menus = new Map<string, MenuRow>();
    for (const { location, name, ...item } of rows) {
      let menu = menus.get(location);
      if (!menu) menus.set(location, (menu = { location, name, items: [] }));
      if (item.id == null) continue; // a menu without items
      if (!linksHiddenTarget(item as MenuItemRow)) menu.items.push(item as MenuItemRow);
    }
    return locations.map((location) => menus.get(location) ?? null);
  });
}
