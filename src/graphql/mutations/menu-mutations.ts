import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { setMenu, type MenuItemInput as MenuItemInputShape } from "../../write/menus.ts";
import { Menu } from "../types/menu.ts";

interface MenuItemInputFields {
  label: string;
  url?: string | null;
  categoryId?: string | number | null;
  articleId?: string | number | null;
  pageId?: string | number | null;
  children?: MenuItemInputFields[] | null;
}

const MenuItemInput = builder.inputRef<MenuItemInputFields>("MenuItemInput").implement({
  description: "Give exactly one target: url, categoryId, articleId or pageId",
  fields: (t) => ({
    label: t.string({ description: "The text of the link", required: true }),
    url: t.string({ required: false, description: "A site path such as /contact/ or an absolute http(s) URL" }),
    categoryId: t.id({ description: "The global id of a Category to link", required: false }),
    articleId: t.id({ description: "The global id of an Article to link", required: false }),
    pageId: t.id({ description: "The global id of a Page to link", required: false }),
    children: t.field({ description: "The item's sub-items, in order", type: [MenuItemInput], required: false }),
  }),
});

const MenuPayload = builder.objectRef<{ location: string }>("MenuPayload").implement({
  description: "The result of setMenu",
  fields: (t) => ({
    menu: t.field({
      description: "The menu as saved",
      type: Menu,
      // Loaders are fresh after each mutation, so this reads the tree just saved.
      resolve: async ({ location }, _args, ctx) => (await ctx.loaders.menuByLocation().load(location))!,
    }),
  }),
});

builder.mutationFields((t) => ({
  setMenu: t.field({
    type: MenuPayload,
    description: "Replaces the menu's whole item tree (creating the menu if needed)",
    authScopes: { editor: true },
    args: {
      location: t.arg.string({ description: "Where the menu is shown, e.g. primary", required: true }),
      items: t.arg({
        description: "The whole item tree, in order; replaces the one it had",
        type: [MenuItemInput],
        required: true,
      }),
      name: t.arg.string({
        required: false,
        description: "The menu's name; kept (or the location, for a new menu) when omitted",
      }),
    },
    resolve: async (_root, { location, items, name }) => ({
      location: await inTransaction((tx) => setMenu(tx, location, items as MenuItemInputShape[], name)),
    }),
  }),
}));
