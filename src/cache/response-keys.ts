import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { cacheKeys, entityKey } from "../domain/cache-keys.ts";
import { normalizeUri, parseUri } from "../domain/uri.ts";
import { globalIdParts } from "../domain/global-ids.ts";

/** What the key functions below read of a parent row, of a field's arguments and of the context. */
type Row = { id: number; categoryId?: number | null; articleId?: number | null; pageId?: number | null; article?: { id: number } | null };
type ArticleListArgs = {
  orderBy?: string | null;
  where?: { categorySlug?: string | null; authorSlug?: string | null; search?: string | null; publishedAfter?: unknown; publishedBefore?: unknown } | null;
};
type Args = { location: string; slot: string; uri: string; slug: string; id: unknown; ids: unknown[]; query?: string } & ArticleListArgs;
type Ctx = { request?: object } | undefined;
type KeysOf = (parent: Row, args: Args) => (string | null | undefined | false)[];

/**
 * What decides a top-level article list's membership and order: the lists its filters name (the
 * global one only when unfiltered), in date order unless ordered by title (and also when filtered
 * by publication instants), what maps its slugs to rows, and search's text.
 */
function articleListKeys({ orderBy, where }: ArticleListArgs): (string | false)[] {
  const { categorySlug, authorSlug, search, publishedAfter, publishedBefore } = where ?? {};
  const lists = [categorySlug != null && cacheKeys.categorySlugArticles(categorySlug), authorSlug != null && cacheKeys.authorSlugArticles(authorSlug)].filter(
    (key): key is string => key !== false,
  );
  if (!lists.length) lists.push(cacheKeys.articleLists);
  const byTitle = orderBy === "TITLE";
  const byDate = !byTitle || publishedAfter != null || publishedBefore != null;
  return [
    ...lists.flatMap((list) => [byDate && list, byTitle && cacheKeys.byTitle(list)]),
    categorySlug != null && cacheKeys.categoryTree,
    authorSlug != null && cacheKeys.slugLookup("Author", authorSlug),
    search != null && cacheKeys.articleSearch,
  ];
}

/** What `resolveUri` answers at a path depends on: that URI's content or redirect (and the tree, for a category's path). */
export function uriKeys(path: string | null): (string | false)[] {
  if (path == null) return [];
  return [cacheKeys.uri(path), parseUri(path)?.kind === "category" && cacheKeys.categoryTree];
}

/** Fields whose answer depends on more than the row they are read from. */
const FIELD_KEYS: Record<string, KeysOf> = {
  "Query.articles": (_, args) => articleListKeys(args),
  // Ranked by relevance, not by date or title: its filters' lists (membership) and every live article's searchable text.
  "Query.search": (_, args) => [...articleListKeys({ where: { ...args.where, search: args.query } }), cacheKeys.articleSearch],
  "Query.categories": () => [cacheKeys.categoryTree, cacheKeys.categoryCounts],
  "Query.authors": () => [cacheKeys.authorList],
  "Query.tags": () => [cacheKeys.tagList],
  "Query.pages": () => [cacheKeys.pageList],
  "Query.menu": (_, args) => [cacheKeys.menu(args.location)],
  "Query.featured": (_, args) => [cacheKeys.featuredSlot(args.slot)],
  "Query.site": () => [cacheKeys.site],
  "Query.resolveUri": (_, args) => uriKeys(normalizeUri(args.uri)),
  "Query.formChallenge": () => [cacheKeys.noStore],
  // The publisher block carries the site's settings, the breadcrumb the category tree; the
  // people are recorded as they are read (`recordKeys`), the article's own rows by its key.
  "Article.jsonLd": () => [cacheKeys.site, cacheKeys.categoryTree],
  "Article.jsonLdScript": () => [cacheKeys.site, cacheKeys.categoryTree],
  "Article.breadcrumbs": () => [cacheKeys.categoryTree],
  "Category.uri": () => [cacheKeys.categoryTree],
  "Category.parent": () => [cacheKeys.categoryTree],
  "Category.children": () => [cacheKeys.categoryTree],
  "Category.ancestors": () => [cacheKeys.categoryTree],
  "Category.articleCount": (category) => [cacheKeys.categoryArticles(category.id)],
  "Category.articles": (category) => [cacheKeys.categoryArticles(category.id)],
  "Tag.articleCount": (tag) => [cacheKeys.tagArticles(tag.id)],
  "Tag.articles": (tag) => [cacheKeys.tagArticles(tag.id)],
  "Author.articleCount": (author) => [cacheKeys.authorArticles(author.id)],
  "Author.articles": (author) => [cacheKeys.authorArticles(author.id)],
  "MenuItem.url": (item) => [item.categoryId != null && cacheKeys.categoryTree],
};

/** Every field of these types shows something of the row it is read from. */
const ROW_KEYS: Record<string, KeysOf> = {
  ...Object.fromEntries(Object.entries(entityKey).map(([type, key]) => [type, (row: Row) => [key(row)]])),
  FeaturedItem: (item) => [item.article && cacheKeys.article(item.article.id)],
  MenuItem: (item) => [
    item.articleId != null && cacheKeys.article(item.articleId),
    item.pageId != null && cacheKeys.page(item.pageId),
    item.categoryId != null && cacheKeys.category(item.categoryId),
  ],
};

/** The key of the row a global id names, evicted by any change to it (its creation included). */
function nodeKey(globalId: unknown): string | undefined {
  const parts = globalIdParts(globalId); // an id that is not a global id never names anything
  return parts && Object.hasOwn(entityKey, parts.typename) ? entityKey[parts.typename]!({ id: parts.id }) : undefined;
}

/** Root lookups whose "nothing" a row created, published or renamed later may change: the keys of what they looked for. */
const MISS_KEYS: Record<string, (args: Args, result: unknown) => (string | undefined | false)[]> = {
  article: (args) => [cacheKeys.slugLookup("Article", args.slug)],
  author: (args) => [cacheKeys.slugLookup("Author", args.slug)],
  category: () => [cacheKeys.categoryTree],
  page: (args) => [cacheKeys.slugLookup("Page", args.slug)],
  tag: (args) => [cacheKeys.slugLookup("Tag", args.slug)],
  node: (args) => [nodeKey(args.id)],
  nodes: (args, result) => args.ids.filter((_, i) => (result as unknown[])[i] == null).map(nodeKey),
  // Its keys are the path's, found or not (FIELD_KEYS).
  resolveUri: () => [],
};

const collected = new WeakMap<object, Set<string>>();
const keysOf = (ctx: Ctx) => (ctx?.request ? collected.get(ctx.request) : undefined);

/** Starts collecting the cache keys of what `request`'s answer shows. */
export function collectKeys(request: object): Set<string> {
  const keys = new Set<string>();
  collected.set(request, keys);
  return keys;
}

/** Adds keys of rows a field shows without returning them as objects (a person inside jsonLd). */
export function recordKeys(ctx: object, keys: Iterable<string>): void {
  const into = keysOf(ctx);
  if (into) for (const key of keys) into.add(key);
}

/** The keys of the entity rows in a field's result (one row, a list, or none). */
function rowKeysOf(typeName: string, result: unknown): string[] {
  const key = entityKey[typeName];
  if (!key) return [];
  const rows = (Array.isArray(result) ? result : [result]) as { id?: unknown }[];
  return rows.filter((row) => typeof row?.id === "number").map((row) => key(row as { id: number }));
}

/**
 * Wraps the schema's query resolvers so each request records the keys of what it shows, in
 * the set `collectKeys` started for its request (requests not collected pay one lookup a field).
 * A step of the server's schema (src/app/schema-steps.ts).
 */
export function recordingResponseKeys(schema: GraphQLSchema): GraphQLSchema {
  const mutationType = schema.getMutationType();
  const subscriptionType = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    // A row returned through an interface or union (node, resolveUri) is shown even when only its __typename is asked.
    if (isAbstractType(type) && type.resolveType) {
      const resolveType = type.resolveType;
      type.resolveType = (value, ctx: Ctx, info, abstractType) => {
        const keys = keysOf(ctx);
        if (!keys) return resolveType(value, ctx, info, abstractType);
        return Promise.resolve(resolveType(value, ctx, info, abstractType)).then((name) => {
          if (name) for (const key of rowKeysOf(name, value)) keys.add(key);
          return name;
        });
      };
    }
    if (!isObjectType(type) || type.name.startsWith("__") || type === mutationType || type === subscriptionType) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldKeys = FIELD_KEYS[`${type.name}.${field.name}`];
      const rowKeys = ROW_KEYS[type.name];
      const missKeys = type === schema.getQueryType() ? MISS_KEYS[field.name] : undefined;
      const lookup = missKeys !== undefined;
      // A field returning entity rows shows them, whichever of their fields (if any) is selected.
      const returned = getNamedType(field.type).name;
      const returnsRows = returned in entityKey;
      if (!fieldKeys && !rowKeys && !lookup && !returnsRows) continue;
      const resolve: GraphQLFieldResolver<Row, Ctx> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent: Row, args: Args, ctx: Ctx, info) => {
        const keys = keysOf(ctx);
        if (!keys) return resolve(parent, args, ctx, info);
        for (const key of [...(rowKeys?.(parent, args) ?? []), ...(fieldKeys?.(parent, args) ?? [])]) if (key) keys.add(key);
        if (!lookup && !returnsRows) return resolve(parent, args, ctx, info);
        return Promise.resolve(resolve(parent, args, ctx, info)).then((result) => {
          if (missKeys && (result == null || (Array.isArray(result) && result.includes(null)))) {
            for (const key of missKeys(args, result)) if (key) keys.add(key);
          }
          for (const key of rowKeysOf(returned, result)) keys.add(key);
          return result;
        });
      };
    }
  }
  return schema;
}
