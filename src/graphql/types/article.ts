import type { Prisma } from "../../generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { TextFormatEnum } from "../scalars/text-format.ts";
import { badInput } from "../../domain/errors.ts";
import { uris } from "../../domain/uri.ts";
import { readingTimeMinutes } from "../../domain/text.ts";
import { formatPlainText } from "../../domain/format.ts";
import { parseSearchQuery, SEARCH_QUERY_MAX_LENGTH, matchesNothing } from "../../domain/search-query.ts";
import { searchEngine } from "../../read/search/index.ts";
import { ARTICLE_STATUSES, publishedArticleWhere, visibleArticleWhere } from "../../domain/visibility.ts";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { isEditor } from "../../domain/viewer.ts";
import type { Context } from "../context.ts";
import { ArticleOrderEnum } from "./article-order.ts";
import { articleConnection } from "../connections/article-connection.ts";
import { totalCountField } from "../connections/total-count.ts";
import { Category } from "./category.ts";
import { Author } from "./author.ts";
import { db } from "../../db/client.ts";
import { countFiledArticles } from "../../read/filed-article-counts.ts";
import { authorArticleCountBySlug } from "../../read/article-counts.ts";
import { publicModifiedAt } from "../../domain/revisions.ts";

export const ArticleStatusEnum = builder.enumType("ArticleStatus", {
  description: "Where an article is in its life; anonymous callers only ever see PUBLISHED articles whose publishedAt has passed",
  values: {
    DRAFT: { description: "Being written; editors only" },
    PUBLISHED: { description: "Live from publishedAt on (scheduled until then)" },
    ARCHIVED: { description: "Taken off the site but kept; editors only" },
  } satisfies Record<(typeof ARTICLE_STATUSES)[number], { description: string }>,
});

/** articles(where: { search }) keeps the most relevant this many matches (then orders them as asked). */
export const ARTICLES_SEARCH_MAX_MATCHES = 5000;

export const ArticleWhere = builder.inputType("ArticleWhere", {
  description: "Filters for an article list; all given filters apply",
  fields: (t) => ({
    categorySlug: t.string({ required: false, description: "Articles filed in this category or any category below it" }),
    authorSlug: t.string({ description: "Articles by the author with this slug", required: false }),
    search: t.string({
      required: false,
      description: `The search syntax of Query.search (at most ${SEARCH_QUERY_MAX_LENGTH} characters), through the same index: the ${ARTICLES_SEARCH_MAX_MATCHES} most relevant matches, in the list's order; a blank string filters nothing`,
    }),
    publishedAfter: t.field({ description: "Published at or after this time", type: "DateTime", required: false }),
    publishedBefore: t.field({ description: "Published before this time", type: "DateTime", required: false }),
    status: t.field({ type: ArticleStatusEnum, required: false, description: "Editors only" }),
  }),
});

type ArticleWhereArgs = typeof ArticleWhere.$inferInput;

/** Translates the public filter into a Prisma where clause, visibility included. */
export async function articleWhere(
  filter: ArticleWhereArgs | null | undefined,
  ctx: Context,
): Promise<Prisma.ArticleWhereInput> {
  const conditions: Prisma.ArticleWhereInput[] = [visibleArticleWhere(ctx)];
  if (!filter) return conditions[0]!;

  if (filter.status != null) {
    if (!isEditor(ctx.viewer) && filter.status !== "PUBLISHED") {
      throw badInput("Only editors can filter articles by a status other than PUBLISHED", { argument: "where.status" });
    }
    conditions.push({ status: filter.status });
  }
  if (filter.categorySlug != null) {
    const directory = await ctx.loaders.categoryDirectory();
    const category = directory.bySlug.get(filter.categorySlug);
    conditions.push({ categories: { some: { categoryId: { in: category ? directory.descendantIds(category.id) : [] } } } });
  }
  if (filter.authorSlug != null) conditions.push({ author: { slug: filter.authorSlug } });
  if (filter.publishedAfter) conditions.push({ publishedAt: { gte: filter.publishedAfter } });
  if (filter.publishedBefore) conditions.push({ publishedAt: { lt: filter.publishedBefore } });
  if (filter.search != null) {
    const query = parseSearchQuery(filter.search, "where.search");
    if (filter.search.trim() !== "") {
      const ids = matchesNothing(query)
        ? []
        : await searchEngine().matchingIds({ query, filter: { categoryIds: null }, scope: ctx }, ARTICLES_SEARCH_MAX_MATCHES);
      conditions.push({ id: { in: ids } });
    }
  }
  return { AND: conditions };
}

/**
 * A count cheaper than counting the articles, where the filter has one: a category's links
 * (src/read/filed-article-counts.ts), or an author's kept count when the author is the only filter.
 */
async function keptArticleCount(filter: ArticleWhereArgs | null | undefined, ctx: Context) {
  if (filter == null || filter.search != null) return undefined;
  if (filter.categorySlug != null) {
    const directory = await ctx.loaders.categoryDirectory();
    const category = directory.bySlug.get(filter.categorySlug);
    const categoryIds = category ? directory.descendantIds(category.id) : [];
    return () => countFiledArticles({ ...filter, categoryIds }, ctx);
  }
  const { authorSlug, ...others } = filter;
  // The kept count is what anonymous readers see: not an editor's, nor a preview's (one more article).
  if (authorSlug != null && ctx.viewer.kind === "anonymous" && Object.values(others).every((value) => value == null)) {
    return () => authorArticleCountBySlug(authorSlug, ctx.now);
  }
  return undefined;
}

/** The article's categories in editorial order; the first is the primary category. */
async function categoriesOf(articleId: number, ctx: Context) {
  const [directory, categoryIds] = await Promise.all([ctx.loaders.categoryDirectory(), ctx.loaders.categoryIdsByArticle().load(articleId)]);
  return categoryIds.flatMap((id) => directory.byId.get(id) ?? []);
}

/** Home, the primary category's ancestors, the primary category, the article. */
export async function breadcrumbTrail(
  article: { id: number; slug: string; title: string },
  ctx: Context,
): Promise<{ name: string; uri: string }[]> {
  const directory = await ctx.loaders.categoryDirectory();
  const [primary] = await categoriesOf(article.id, ctx);
  const trail = primary ? [...directory.ancestors(primary), primary] : [];
  return [
    { name: "Home", uri: uris.home() },
    ...trail.map((category) => ({ name: category.name, uri: directory.uri(category) })),
    { name: article.title, uri: uris.article(article.slug) },
  ];
}

export const Article = builder.prismaNode("Article", {
  description: "An article: its text, byline, categories and publication",
  // Select mode: only the columns a query asks for are read (bodies are large).
  select: { id: true },
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Unique; the article's URI is /<slug>/" }),
    uri: t.string({
      description: "The article's path on the site, e.g. /the-therapeutic-relationship/",
      select: { slug: true },
      resolve: (article) => uris.article(article.slug),
    }),
    title: t.exposeString("title", { description: "Plain text" }),
    excerpt: t.string({
      description: "The written excerpt, or one derived from the first paragraph (55 words)",
      args: { format: t.arg({ description: "HTML or plain text", type: TextFormatEnum, defaultValue: "HTML", required: true }) },
      select: { excerpt: true, derivedExcerpt: true },
      resolve: (article, { format }) => formatPlainText(article.excerpt ?? article.derivedExcerpt, format),
    }),
    body: t.string({
      description: "The article's text",
      args: {
        format: t.arg({ description: "Sanitized HTML, or plain text", type: TextFormatEnum, defaultValue: "HTML", required: true }),
      },
      select: { body: true, bodyText: true },
      resolve: (article, { format }) => (format === "PLAIN" ? article.bodyText : article.body),
    }),
    publishedAt: t.expose("publishedAt", {
      description: "When the article went or goes live; null for an article never published",
      type: "DateTime", nullable: true,
    }),
    updatedAt: t.expose("updatedAt", { description: "When the article was last saved", type: "DateTime" }),
    modifiedAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "The public last-updated date (JSON-LD dateModified): the last MATERIAL or CORRECTION change, not before publishedAt; MINOR edits do not move it. Null for an article never published",
      select: { modifiedAt: true, publishedAt: true },
      resolve: (article) => publicModifiedAt(article),
    }),
    author: t.field({
      description: "The byline",
      type: Author,
      select: { authorId: true },
      // Bylines through the per-request loader: one statement for every author a request shows.
      resolve: async (article, _args, ctx) => {
        const author = await ctx.loaders.authorById().load(article.authorId);
        if (!author) throw new Error(`Article ${article.id} has no author ${article.authorId}`);
        return author;
      },
    }),
    categories: t.field({
      type: [Category],
      description: "In editorial order; the first is the primary category",
      resolve: async (article, _args, ctx) => categoriesOf(article.id, ctx),
    }),
    primaryCategory: t.field({
      description: "The first of categories; null for an article without categories",
      type: Category,
      nullable: true,
      resolve: async (article, _args, ctx) => (await categoriesOf(article.id, ctx))[0] ?? null,
    }),
    breadcrumbs: t.field({
      type: [Breadcrumb],
      description: "Home, the primary category's ancestors, the primary category, the article",
      select: { slug: true, title: true },
      resolve: (article, _args, ctx) => breadcrumbTrail(article, ctx),
    }),
    wordCount: t.exposeInt("wordCount", { description: "Words in the body" }),
    readingTimeMinutes: t.int({
      description: "Minutes to read the body at 200 words a minute, at least 1",
      select: { wordCount: true },
      resolve: (article) => readingTimeMinutes(article.wordCount),
    }),
    status: t.field({
      description: "Anonymous callers only see PUBLISHED",
      type: ArticleStatusEnum,
      select: { status: true },
      resolve: (article) => article.status as never,
    }),
    version: t.exposeInt("version", { description: "Increases with every saved change; send it back when updating" }),
    featuredImageUrl: t.expose("featuredImageUrl", { description: "The article's image", type: "URL", nullable: true }),
    videoUrl: t.expose("videoUrl", { description: "The article's video", type: "URL", nullable: true }),
  }),
});

builder.prismaObjectFields(Article, (t) => ({
    related: t.field({
      type: [Article],
      description:
        "Published articles related to this one: those an editor pinned (setRelatedArticles), then by categories shared and by the similarity of title and excerpt; never the article itself. Computed when the article is saved; one statement",
      args: { first: t.arg.int({ description: "At most this many, 0 to 12", defaultValue: 3, required: true }) },
      select: { relatedIds: true },
      resolve: async (article, { first }, ctx, info) => {
        if (first < 0 || first > 12) throw badInput(`"first" must be between 0 and 12`, { argument: "first" });
        const ids = article.relatedIds ? article.relatedIds.split(",").map(Number) : [];
        if (first === 0 || ids.length === 0) return [];
        const rows = await db().article.findMany({
          ...queryFromInfo({ context: ctx, info, typeName: "Article", select: { id: true } }),
          where: { id: { in: ids }, ...publishedArticleWhere(ctx.now) },
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.flatMap((id) => byId.get(id) ?? []).slice(0, first) as never;
      },
    }),
}));

export const Breadcrumb = builder.objectRef<{ name: string; uri: string }>("Breadcrumb").implement({
  description: "One step of a breadcrumb trail",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The step's label" }),
    uri: t.exposeString("uri", { description: "The step's path on the site" }),
  }),
});

builder.queryFields((t) => ({
  article: t.prismaField({
    description: "The article with this slug; null if there is none or you may not see it",
    type: Article,
    nullable: true,
    args: { slug: t.arg.string({ description: "An article's slug", required: true }) },
    resolve: (query, _root, { slug }, ctx) => db().article.findUnique({ ...query, where: { slug, AND: [visibleArticleWhere(ctx)] } }),
  }),
  articles: t.connection(
    {
      description: "Articles you may see, newest first unless ordered otherwise",
      type: Article,
      args: {
        where: t.arg({ description: "Filters; all given filters apply", type: ArticleWhere, required: false }),
        orderBy: t.arg({ description: "NEWEST unless given", type: ArticleOrderEnum, required: false, defaultValue: "NEWEST" }),
      },
      resolve: async (_root, args, ctx, info) => articleConnection(args, await articleWhere(args.where, ctx), ctx, info, await keptArticleCount(args.where, ctx)),
    },
    { fields: totalCountField },
  ),
}));
