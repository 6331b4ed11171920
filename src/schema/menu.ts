import { brandWithType } from "@pothos/core";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Menu as MenuRow, MenuItem as MenuItemRow } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { uris } from "../content/uri.ts";
import type { Context } from "../context.ts";

interface MenuShape extends MenuRow {
  items: MenuItemRow[];
}

interface MenuItemShape extends MenuItemRow {
  all: MenuItemRow[];
}

/**
 * A menu's items in order, as a tree; items whose article or page the caller may not see
 * are left out. The whole tree costs one statement, plus one per kind of target it links.
 */
async function visibleChildren(all: MenuItemRow[], parentId: number | null, ctx: Context): Promise<MenuItemShape[]> {
  const items = all.filter((item) => item.parentId === parentId);
  const visible = await Promise.all(
    items.map(async (item) => {
      if (item.articleId != null && !(await ctx.loaders.articleById().load(item.articleId))) return null;
      if (item.pageId != null && !(await ctx.loaders.pageById().load(item.pageId))) return null;
      return { ...item, all };
    }),
  );
  return visible.filter((item) => item != null);
}

export const Menu = builder.objectRef<MenuShape>("Menu");
export const MenuItem = builder.objectRef<MenuItemShape>("MenuItem");

Menu.implement({
  fields: (t) => ({
    location: t.exposeString("location"),
    name: t.exposeString("name"),
    items: t.field({
      type: [MenuItem],
      description: "Top-level items in order",
      resolve: (menu, _args, ctx) => visibleChildren(menu.items, null, ctx),
    }),
  }),
});

MenuItem.implement({
  fields: (t) => ({
    id: t.id({ resolve: (item) => encodeGlobalID("MenuItem", item.id) }),
    label: t.exposeString("label"),
    url: t.string({
      description: "Where the item links: its target's URI, or the plain URL it was given",
      resolve: async (item, _args, ctx) => {
        if (item.articleId != null) {
          const article = await ctx.loaders.articleById().load(item.articleId);
          if (article) return uris.article(article.slug);
        }
        if (item.pageId != null) {
          const page = await ctx.loaders.pageById().load(item.pageId);
          if (page) return uris.page(page.slug);
        }
        if (item.categoryId != null) {
          const directory = await ctx.loaders.categoryDirectory();
          const category = directory.byId.get(item.categoryId);
          if (category) return directory.uri(category);
        }
        return item.url ?? "#";
      },
    }),
    target: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: "The category, article or page the item points at; null for plain URLs",
      resolve: async (item, _args, ctx) => {
        const [target, typename] =
          item.articleId != null
            ? [await ctx.loaders.articleById().load(item.articleId), "Article"]
            : item.pageId != null
              ? [await ctx.loaders.pageById().load(item.pageId), "Page"]
              : item.categoryId != null
                ? [(await ctx.loaders.categoryDirectory()).byId.get(item.categoryId), "Category"]
                : [null, ""];
        if (!target) return null;
        brandWithType(target, typename as never);
        return target;
      },
    }),
    children: t.field({
      type: [MenuItem],
      resolve: (item, _args, ctx) => visibleChildren(item.all, item.id, ctx),
    }),
  }),
});

builder.queryFields((t) => ({
  menu: t.field({
    type: Menu,
    nullable: true,
    args: { location: t.arg.string({ required: true }) },
    resolve: (_root, { location }) =>
      db().menu.findUnique({
        where: { location },
        include: { items: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
      }),
  }),
}));
