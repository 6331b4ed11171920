import type { Category as CategoryRow, Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { resolveCursorConnection, type DefaultConnectionArguments } from "@pothos/plugin-relay";
import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { visibleArticleWhere } from "../visibility.ts";
import { assertPageArgs, decodeIdCursor, encodeIdCursor } from "./pagination.ts";
import { badInput } from "../errors.ts";
import { articleOrderBy } from "./article-order.ts";

function filedIn(categoryId: number, ctx: Context): Prisma.ArticleWhereInput {
  return { ...visibleArticleWhere(ctx), categories: { some: { categoryId } } };
}

/**
 * Category fields read from the per-request category directory and count loader, so a
 * sidebar of any number of categories costs the same two statements.
 */
export const Category = builder.prismaNode("Category", {
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    uri: t.string({
      resolve: async (category, _args, ctx) => (await ctx.loaders.categoryDirectory()).uri(category as CategoryRow),
    }),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    articleCount: t.int({
      description: "Published articles filed directly in this category",
      resolve: async (category, _args, ctx) => (await ctx.loaders.categoryArticleCounts()).get(category.id) ?? 0,
    }),
    articles: t.prismaConnection({
      type: "Article",
      cursor: "id",
      description: "Published articles filed directly in this category, newest first",
      totalCount: (category, _args, ctx) => db().article.count({ where: filedIn(category.id, ctx) }),
      resolve: (query, category, args, ctx) => {
        assertPageArgs(args);
        return db().article.findMany({ ...query, where: filedIn(category.id, ctx), orderBy: articleOrderBy("NEWEST") });
      },
    }),
  }),
});

builder.prismaObjectFields(Category, (t) => ({
    parent: t.field({
      type: Category,
      nullable: true,
      resolve: async (category, _args, ctx) =>
        category.parentId == null ? null : ((await ctx.loaders.categoryDirectory()).byId.get(category.parentId) ?? null),
    }),
    children: t.field({
      type: [Category],
      description: "By name",
      resolve: async (category, _args, ctx) => (await ctx.loaders.categoryDirectory()).children(category.id),
    }),
    ancestors: t.field({
      type: [Category],
      description: "From the root down to the parent",
      resolve: async (category, _args, ctx) => (await ctx.loaders.categoryDirectory()).ancestors(category as CategoryRow),
    }),
}));

export const CategoryOrderEnum = builder.enumType("CategoryOrder", {
  values: {
    NAME: { description: "A to Z" },
    ARTICLE_COUNT: { description: "Most published articles first, then by name" },
  } as const,
});

export const CategoryWhere = builder.inputType("CategoryWhere", {
  fields: (t) => ({
    parentSlug: t.string({ required: false, description: 'Children of this category; "" for top-level categories' }),
    hasArticles: t.boolean({ required: false, description: "true: only categories with published articles; false: only empty ones" }),
  }),
});

builder.queryFields((t) => ({
  category: t.field({
    type: Category,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: async (_root, { slug }, ctx) => (await ctx.loaders.categoryDirectory()).bySlug.get(slug) ?? null,
  }),
  categories: t.connection({
    type: Category,
    args: {
      where: t.arg({ type: CategoryWhere, required: false }),
      orderBy: t.arg({ type: CategoryOrderEnum, required: false, defaultValue: "NAME" }),
    },
    resolve: async (_root, args, ctx) => {
      assertPageArgs(args);
      const [directory, counts] = await Promise.all([ctx.loaders.categoryDirectory(), ctx.loaders.categoryArticleCounts()]);
      let categories = [...directory.all];
      const { parentSlug, hasArticles } = args.where ?? {};
      if (parentSlug != null) {
        const parentId = parentSlug === "" ? null : (directory.bySlug.get(parentSlug)?.id ?? -1);
        categories = categories.filter((c) => c.parentId === parentId);
      }
      if (hasArticles != null) categories = categories.filter((c) => (counts.get(c.id) ?? 0) > 0 === hasArticles);
      if (args.orderBy === "ARTICLE_COUNT") {
        categories.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
      }
      const connection = await paginateList(categories, args);
      return { ...connection!, totalCount: categories.length };
    },
  }, {
    fields: (c) => ({
      totalCount: c.int({ resolve: (connection) => (connection as { totalCount: number }).totalCount }),
    }),
  }),
}));

/** Cursor pagination over an ordered in-memory list; cursors hold the row id. */
function paginateList(rows: CategoryRow[], args: DefaultConnectionArguments) {
  const positionOf = (cursor: string, argument: string) => {
    const id = decodeIdCursor(cursor, argument);
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) throw badInput(`"${argument}" points at a category not in this list`, { argument });
    return index;
  };
  return resolveCursorConnection<CategoryRow[]>(
    { args, toCursor: (row) => encodeIdCursor(row.id) },
    ({ before, after, limit, inverted }) => {
      let start = after ? positionOf(after, "after") + 1 : 0;
      let end = before ? positionOf(before, "before") : rows.length;
      if (inverted) start = Math.max(start, end - limit);
      else end = Math.min(end, start + limit);
      const page = rows.slice(start, end);
      return inverted ? page.reverse() : page;
    },
  );
}
