import type { Category as CategoryRow } from "../../generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { resolveConnection, type PageArgs } from "../connections/pagination.ts";
import { windowOfList } from "../connections/list-window.ts";
import { totalCountField } from "../connections/total-count.ts";
import { byArticleCount, byName, type CategoryOrdering } from "./category-order.ts";

/**
 * Category fields read from the per-request category directory and count loader, so a
 * sidebar of any number of categories costs the same two statements.
 */
export const Category = builder.prismaNode("Category", {
  description: "A topic articles are filed under; categories nest",
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Unique; the last part of the category's URI" }),
    uri: t.string({
      description: "The category's path on the site, with its ancestors, e.g. /category/psychotherapy/",
      resolve: async (category, _args, ctx) => (await ctx.loaders.categoryDirectory()).uri(category as CategoryRow),
    }),
    name: t.exposeString("name", { description: "Plain text" }),
    description: t.exposeString("description", { nullable: true, description: "Plain text" }),
    articleCount: t.int({
      description: "Published articles filed directly in this category",
      resolve: async (category, _args, ctx) => (await ctx.loaders.categoryArticleCounts()).get(category.id) ?? 0,
    }),
  }),
});

builder.prismaObjectFields(Category, (t) => ({
    parent: t.field({
      description: "The category above; null for a top-level category",
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
  description: "Orders of the category list",
  values: {
    NAME: { description: "A to Z" },
    ARTICLE_COUNT: { description: "Most published articles first, then by name" },
  } as const,
});

export const CategoryWhere = builder.inputType("CategoryWhere", {
  description: "Filters for the category list; all given filters apply",
  fields: (t) => ({
    parentSlug: t.string({ required: false, description: 'Children of this category; "" for top-level categories' }),
    hasArticles: t.boolean({
      required: false,
      description: "true: only categories with published articles; false: only empty ones",
    }),
  }),
});

builder.queryFields((t) => ({
  category: t.field({
    description: "The category with this slug; null if there is none",
    type: Category,
    nullable: true,
    args: { slug: t.arg.string({ description: "A category's slug", required: true }) },
    resolve: async (_root, { slug }, ctx) => (await ctx.loaders.categoryDirectory()).bySlug.get(slug) ?? null,
  }),
  categories: t.connection({
    description: "All categories, by name unless ordered otherwise",
    type: Category,
    args: {
      where: t.arg({ description: "Filters; all given filters apply", type: CategoryWhere, required: false }),
      orderBy: t.arg({ description: "NAME unless given", type: CategoryOrderEnum, required: false, defaultValue: "NAME" }),
    },
    resolve: async (_root, args, ctx) => {
      const [directory, counts] = await Promise.all([ctx.loaders.categoryDirectory(), ctx.loaders.categoryArticleCounts()]);
      let categories = [...directory.all];
      const { parentSlug, hasArticles } = args.where ?? {};
      if (parentSlug != null) {
        const parentId = parentSlug === "" ? null : (directory.bySlug.get(parentSlug)?.id ?? -1);
        categories = categories.filter((c) => c.parentId === parentId);
      }
      if (hasArticles != null) categories = categories.filter((c) => (counts.get(c.id) ?? 0) > 0 === hasArticles);
      const connection = await (args.orderBy === "ARTICLE_COUNT"
        ? pageOfList(categories, byArticleCount((category) => counts.get(category.id) ?? 0), args)
        : pageOfList(categories, byName(), args));
      return { ...connection, totalCount: async () => categories.length };
    },
  }, { fields: totalCountField }),
}));

function pageOfList<Key>(categories: CategoryRow[], ordering: CategoryOrdering<Key>, args: PageArgs) {
  const { cursor, compare } = ordering;
  const sorted = [...categories].sort((a, b) => compare(cursor.positionOf(a), cursor.positionOf(b)));
  return resolveConnection(args, cursor, async (window) => windowOfList(sorted, compare, cursor.positionOf, window));
}
