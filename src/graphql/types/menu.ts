import { brandWithType } from "@pothos/core";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { uris } from "../../domain/uri.ts";
import type { MenuItemRow, MenuRow } from "../../read/menus.ts";
import { handle, validateInput } from "../../write/input-validation.ts";

interface MenuItemShape extends MenuItemRow {
  all: MenuItemRow[];
}

/** The items below parentId, in order; `all` is the menu's tree with hidden items already left out. */
function childrenOf(all: MenuItemRow[], parentId: number | null): MenuItemShape[] {
  return all.filter((item) => item.parentId === parentId).map((item) => ({ ...item, all }));
}

export const Menu = builder.objectRef<MenuRow>("Menu");
export const MenuItem = builder.objectRef<MenuItemShape>("MenuItem");

Menu.implement({
  description: "A navigation menu at a named location of the site",
  fields: (t) => ({
    location: t.exposeString("location", { description: "Where the menu is shown, e.g. primary" }),
    name: t.exposeString("name", { description: "The menu's name" }),
    items: t.field({
      type: [MenuItem],
      description: "Top-level items in order",
      resolve: (menu) => childrenOf(menu.items, null),
    }),
  }),
});

MenuItem.implement({
  description: "A link in a menu, with its sub-items",
  fields: (t) => ({
    id: t.id({ description: "A global id", resolve: (item) => encodeGlobalID("MenuItem", item.id) }),
    label: t.exposeString("label", { description: "The text of the link" }),
    url: t.string({
      description: "Where the item links: its target's URI, or the plain URL it was given",
      resolve: async (item, _args, ctx) => {
        if (item.articleSlug != null) return uris.article(item.articleSlug);
        if (item.pageSlug != null) return uris.page(item.pageSlug);
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
      // The menu's statement has already left out items whose article or page the caller may
      // not see; the schema loads whatever else a query asks of the target by its id.
      resolve: async (item, _args, ctx) => {
        const [target, typename] =
          item.articleId != null
            ? [{ id: item.articleId }, "Article"]
            : item.pageId != null
              ? [{ id: item.pageId }, "Page"]
              : item.categoryId != null
                ? [(await ctx.loaders.categoryDirectory()).byId.get(item.categoryId), "Category"]
                : [null, ""];
        if (!target) return null;
        brandWithType(target, typename as never);
        return target;
      },
    }),
    children: t.field({
      description: "Sub-items in order",
      type: [MenuItem],
      resolve: (item) => childrenOf(item.all, item.id),
    }),
  }),
});

builder.queryFields((t) => ({
  menu: t.field({
    description: "The menu at this location; null if there is none",
    type: Menu,
    nullable: true,
    args: { location: t.arg.string({ description: "e.g. primary", required: true }) },
    resolve: (_root, { location }, ctx) => ctx.loaders.menuByLocation().load(validateInput(handle, location, "location")),
  }),
}));
