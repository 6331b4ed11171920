import type { Prisma } from "../generated/prisma/client.ts";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { uris } from "../content/uri.ts";
import { visibleArticleWhere, visiblePageWhere } from "../visibility.ts";
import { canSeeUnpublished } from "../viewer.ts";
import type { Context } from "../context.ts";


/** Items pointing at content the caller may not see are left out of the menu. */
function visibleItemsQuery(ctx: Context) {
  // Inside OR, Prisma lets an empty relation filter ({ page: {} }) match nothing, so editors (who see
  // everything) would lose items pointing at pages and articles: they get no filter at all.
  const where: Prisma.MenuItemWhereInput = canSeeUnpublished(ctx.viewer)
    ? {}
    : {
        AND: [
          { OR: [{ articleId: null }, { article: visibleArticleWhere(ctx) }] },
          { OR: [{ pageId: null }, { page: visiblePageWhere(ctx) }] },
        ],
      };
  return {
    where,
    orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
  };
}

export const Menu = builder.prismaObject("Menu", {
  fields: (t) => ({
    location: t.exposeString("location"),
    name: t.exposeString("name"),
    items: t.relation("items", {
      description: "Top-level items in order",
      query: (_args, ctx) => {
        const query = visibleItemsQuery(ctx);
        return { ...query, where: { AND: [{ parentId: null }, query.where] } };
      },
    }),
  }),
});

export const MenuItem = builder.prismaObject("MenuItem", {
  select: { id: true, label: true, url: true, categoryId: true },
  fields: (t) => ({
    id: t.id({ resolve: (item) => encodeGlobalID("MenuItem", item.id) }),
    label: t.exposeString("label"),
    url: t.string({
      description: "Where the item links: its target's URI, or the plain URL it was given",
      select: { article: { select: { slug: true } }, page: { select: { slug: true } } },
      resolve: async (item, _args, ctx) => {
        if (item.article) return uris.article(item.article.slug);
        if (item.page) return uris.page(item.page.slug);
        if (item.categoryId != null) {
          const directory = await ctx.categoryDirectory();
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
      select: { article: true, page: true },
      resolve: async (item, _args, ctx) => {
        if (item.article) return { ...item.article, __typename: "Article" };
        if (item.page) return { ...item.page, __typename: "Page" };
        if (item.categoryId != null) {
          const category = (await ctx.categoryDirectory()).byId.get(item.categoryId);
          return category ? { ...category, __typename: "Category" } : null;
        }
        return null;
      },
    }),
    children: t.relation("children", { query: (_args, ctx) => visibleItemsQuery(ctx) }),
  }),
});

builder.queryFields((t) => ({
  menu: t.prismaField({
    type: Menu,
    nullable: true,
    args: { location: t.arg.string({ required: true }) },
    resolve: (query, _root, { location }) => db().menu.findUnique({ ...query, where: { location } }),
  }),
}));
