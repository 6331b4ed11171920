import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { badInput } from "../../domain/errors.ts";
import { isEditor } from "../../domain/viewer.ts";
import { matchesNothing, parseSearchQuery, SEARCH_QUERY_MAX_LENGTH, type SearchQuery } from "../../domain/search-query.ts";
import { searchSnippet } from "../../domain/search-snippet.ts";
import { searchEngine, type SearchFilter, type SearchPosition, type SearchRequest } from "../../read/search/index.ts";
import { keysetConnection, nodeSelection, type CountedConnection } from "../connections/keyset-connection.ts";
import type { CursorOrder, PageArgs } from "../connections/pagination.ts";
import type { Context } from "../context.ts";
import { Article, ArticleStatusEnum } from "./article.ts";
import { Category } from "./category.ts";

type Row = { id: number; __search: SearchPosition } & Record<string, unknown>;
type Key = SearchPosition["key"];

/** Cursors hold (score, publishedAt, id): the ranking's order, so pages never repeat or skip a hit. */
const RANKING: CursorOrder<Row, Key> = {
  name: "search",
  positionOf: (row) => row.__search,
  formatKey: (key) => [key.score, key.publishedAt],
  parseKey: (raw) => {
    if (!Array.isArray(raw) || raw.length !== 2) return undefined;
    const [score, publishedAt] = raw as unknown[];
    if (typeof score !== "number" || !Number.isFinite(score)) return undefined;
    if (publishedAt !== null && (typeof publishedAt !== "number" || !Number.isSafeInteger(publishedAt))) return undefined;
    return { score, publishedAt: publishedAt };
  },
};

export const SearchWhere = builder.inputType("SearchWhere", {
  description: "Filters for search; all given filters apply",
  fields: (t) => ({
    categorySlug: t.string({ required: false, description: "Articles filed in this category or any category below it" }),
    authorSlug: t.string({ required: false, description: "Articles by the author with this slug" }),
    publishedAfter: t.field({ type: "DateTime", required: false, description: "Published at or after this time" }),
    publishedBefore: t.field({ type: "DateTime", required: false, description: "Published before this time" }),
    status: t.field({ type: ArticleStatusEnum, required: false, description: "Editors only, as in articles" }),
  }),
});

type SearchWhereArgs = typeof SearchWhere.$inferInput;

/** The filter of a search (visibility aside: the engines apply it), refusing a status filter to non-editors. */
export async function searchFilter(where: SearchWhereArgs | null | undefined, ctx: Context, argument = "where.status"): Promise<SearchFilter> {
  const filter: SearchFilter = { categoryIds: null };
  if (!where) return filter;
  if (where.status != null) {
    if (!isEditor(ctx.viewer) && where.status !== "PUBLISHED") {
      throw badInput("Only editors can filter articles by a status other than PUBLISHED", { argument });
    }
    filter.status = where.status;
  }
  if (where.categorySlug != null) {
    const directory = await ctx.loaders.categoryDirectory();
    const category = directory.bySlug.get(where.categorySlug);
    filter.categoryIds = category ? directory.descendantIds(category.id) : [];
  }
  filter.authorSlug = where.authorSlug;
  filter.publishedAfter = where.publishedAfter;
  filter.publishedBefore = where.publishedBefore;
  return filter;
}

interface SearchConnection extends CountedConnection<Row> {
  facets: { categories: () => Promise<{ categoryId: number; count: number }[]> };
}

function emptyConnection(): SearchConnection {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: async () => 0,
    facets: { categories: async () => [] },
  };
}

/** One page of a search: one statement for the hits, one for their rows; counts, facets and snippets only when selected. */
async function searchConnection(query: SearchQuery, filter: SearchFilter, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) {
  if (matchesNothing(query)) {
    // Still refuse what any other page would refuse.
    await keysetConnection(args, ctx, info, { cursor: RANKING, read: async () => [], count: async () => 0 });
    return emptyConnection();
  }
  const engine = searchEngine();
  const request: SearchRequest = { query, filter, scope: ctx };
  const selection = nodeSelection(ctx, info, "Article", { id: true });
  const page = await keysetConnection<Row, Key>(args, ctx, info, {
    cursor: RANKING,
    read: async (window) => {
      const hits = await engine.hits(request, window);
      if (hits.length === 0) return [];
      const rows = (await db().article.findMany({ ...selection, where: { id: { in: hits.map((hit) => hit.id) } } })) as unknown as Row[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return hits.flatMap((hit) => {
        const row = byId.get(hit.id);
        return row ? [{ ...row, __search: hit }] : [];
      });
    },
    count: () => engine.count(request),
  });
  // The texts snippets are cut from, read for the whole page at once and only when asked.
  const texts = new DataLoader<number, { excerpt: string | null; bodyText: string } | undefined>(async (ids) => {
    const rows = await db().article.findMany({ where: { id: { in: [...ids] } }, select: { id: true, excerpt: true, bodyText: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
  const edges = page.edges.map((edge) => ({
    ...edge,
    score: edge.node.__search.key.score,
    snippet: async () => {
      const text = await texts.load(edge.node.id);
      return searchSnippet([text?.bodyText, text?.excerpt], query);
    },
  }));
  let facets: Promise<{ categoryId: number; count: number }[]> | undefined;
  return { ...page, edges, facets: { categories: () => (facets ??= engine.categoryFacets(request)) } };
}

const CategoryFacet = builder.objectRef<{ categoryId: number; count: number }>("CategoryFacet").implement({
  description: "A category with the number of search results filed in it",
  fields: (t) => ({
    category: t.field({
      type: Category,
      description: "The category",
      resolve: async (facet, _args, ctx) => {
        const category = (await ctx.loaders.categoryDirectory()).byId.get(facet.categoryId);
        if (!category) throw new Error(`No category ${facet.categoryId}`);
        return category;
      },
    }),
    count: t.exposeInt("count", { description: "Results filed directly in this category" }),
  }),
});

const SearchFacets = builder.objectRef<SearchConnection["facets"]>("SearchFacets").implement({
  description: "Counts of a search's results, by what they are filed under",
  fields: (t) => ({
    categories: t.field({
      type: [CategoryFacet],
      description: "Categories results are filed in directly, most results first, then by category id",
      resolve: (facets) => facets.categories(),
    }),
  }),
});

builder.queryFields((t) => ({
  search: t.connection(
    {
      description:
        `Articles you may see matching a query, most relevant first (title above excerpt above body), then newest. ` +
        `Words must all match (stemmed; case and accents ignored), "quoted phrases" match in order, -word excludes, ` +
        `and the last word also matches as a prefix; nothing else is syntax. At most ${SEARCH_QUERY_MAX_LENGTH} characters.`,
      type: Article,
      args: {
        query: t.arg.string({ required: true, description: `What a reader typed; at most ${SEARCH_QUERY_MAX_LENGTH} characters` }),
        where: t.arg({ type: SearchWhere, required: false, description: "Filters; all given filters apply" }),
      },
      resolve: async (_root, args, ctx, info) => {
        const query = parseSearchQuery(args.query);
        const filter = await searchFilter(args.where, ctx);
        return (await searchConnection(query, filter, args, ctx, info));
      },
    },
    {
      name: "SearchConnection",
      description: "A page of search results",
      fields: (c) => ({
        totalCount: c.int({
          description: "Results in all pages together; counted only when selected",
          resolve: (connection) => (connection).totalCount(),
        }),
        facets: c.field({
          type: SearchFacets,
          description: "Counts of all results (in all pages) by category",
          resolve: (connection) => (connection).facets,
        }),
      }),
    },
    {
      name: "SearchEdge",
      description: "A search result with its cursor, relevance and passage",
      fields: (e) => ({
        score: e.float({
          description: "Relevance: higher is more relevant; comparable within one search only, and different on each database",
          resolve: (edge) => (edge as unknown as { score: number }).score,
        }),
        snippet: e.string({
          description: "About 30 words of the body (or excerpt) around the best match, HTML-escaped, matched words in <mark>",
          resolve: (edge) => (edge as unknown as { snippet: () => Promise<string> }).snippet(),
        }),
      }),
    },
  ),
}));
