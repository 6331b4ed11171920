import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { Article } from "../types/article.ts";
import { Author } from "../types/author.ts";
import { Category } from "../types/category.ts";
import { Tag } from "../types/tag.ts";
import { nestedArticleConnection, type ArticleParent } from "./article-connection.ts";
import { CATEGORY_LINKS } from "../types/article-category-links.ts";
import { totalCountField } from "./total-count.ts";

const byAuthor: ArticleParent = {
  where: (authorIds) => ({ authorId: { in: [...authorIds] } }),
  select: { authorId: true },
  parentsOf: (row) => [row.authorId as number],
  publishedCounts: async (authorIds, ctx) => {
    const loader = ctx.loaders.authorArticleCount();
    return new Map(await Promise.all(authorIds.map(async (id) => [id, await loader.load(id)] as const)));
  },
  allCounts: async (authorIds) => {
    const groups = await db().article.groupBy({ by: ["authorId"], where: { authorId: { in: [...authorIds] } }, _count: { _all: true } });
    return new Map(groups.map((group) => [group.authorId, group._count._all]));
  },
};

const filedIn: ArticleParent = {
  where: (categoryIds) => ({ categories: { some: { categoryId: { in: [...categoryIds] } } } }),
  select: CATEGORY_LINKS,
  parentsOf: (row) => (row.categories as { categoryId: number }[]).map((link) => link.categoryId),
  publishedCounts: async (_categoryIds, ctx) => ctx.loaders.categoryArticleCounts(),
  allCounts: async (categoryIds) => {
    const groups = await db().articleCategory.groupBy({ by: ["categoryId"], where: { categoryId: { in: [...categoryIds] } }, _count: { _all: true } });
    return new Map(groups.map((group) => [group.categoryId, group._count._all]));
  },
};

const tagged: ArticleParent = {
  where: (tagIds) => ({ tags: { some: { tagId: { in: [...tagIds] } } } }),
  select: { tags: { select: { tagId: true } } },
  parentsOf: (row) => (row.tags as { tagId: number }[]).map((link) => link.tagId),
  publishedCounts: async (tagIds, ctx) => {
    const loader = ctx.loaders.tagArticleCount();
    return new Map(await Promise.all(tagIds.map(async (id) => [id, await loader.load(id)] as const)));
  },
  allCounts: async (tagIds) => {
    const groups = await db().articleTag.groupBy({ by: ["tagId"], where: { tagId: { in: [...tagIds] } }, _count: { _all: true } });
    return new Map(groups.map((group) => [group.tagId, group._count._all]));
  },
};

builder.prismaObjectField(Tag, "articles", (t) =>
  t.connection(
    {
      type: Article,
      description: "Articles with this tag, newest first",
      resolve: (tag, args, ctx, info) => nestedArticleConnection(tagged, tag.id, args, ctx, info),
    },
    { name: "TagArticlesConnection", fields: totalCountField },
    { name: "TagArticlesConnectionEdge" },
  ),
);

builder.prismaObjectField(Author, "articles", (t) =>
  t.connection(
    {
      type: Article,
      description: "The author's articles, newest first",
      resolve: (author, args, ctx, info) => nestedArticleConnection(byAuthor, author.id, args, ctx, info),
    },
    { name: "AuthorArticlesConnection", fields: totalCountField },
    { name: "AuthorArticlesConnectionEdge" },
  ),
);

builder.prismaObjectField(Category, "articles", (t) =>
  t.connection(
    {
      type: Article,
      description: "Articles filed directly in this category, newest first",
      resolve: (category, args, ctx, info) => nestedArticleConnection(filedIn, category.id, args, ctx, info),
    },
    { name: "CategoryArticlesConnection", fields: totalCountField },
    { name: "CategoryArticlesConnectionEdge" },
  ),
);
