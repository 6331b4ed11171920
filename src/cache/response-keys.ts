import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { cacheKeys, entityKey } from "../domain/cache-keys.ts";

/** What the key functions below read of a parent row, of a field's arguments and of the context. */
type Row = { id: number; categoryId?: number | null; articleId?: number | null; pageId?: number | null; article?: { id: number } | null };
type Args = { location: string; slot: string };
type Ctx = { request?: object } | undefined;
type KeysOf = (parent: Row, args: Args) => (string | null | undefined | false)[];

/** Fields whose answer depends on more than the row they are read from. */
const FIELD_KEYS: Record<string, KeysOf> = {
  "Query.articles": () => [cacheKeys.articleLists],
  "Query.categories": () => [cacheKeys.categoryTree, cacheKeys.categoryCounts],
  "Query.authors": () => [cacheKeys.authorList],
  "Query.menu": (_, args) => [cacheKeys.menu(args.location)],
  "Query.featured": (_, args) => [cacheKeys.featuredSlot(args.slot)],
  "Query.site": () => [cacheKeys.site],
  "Query.resolveUri": () => [cacheKeys.redirects],
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

/** Root lookups whose "nothing" anything created or published later may change. */
const LOOKUPS = new Set(["article", "author", "category", "page", "node", "nodes", "resolveUri"]);

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
      const lookup = type === schema.getQueryType() && LOOKUPS.has(field.name);
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
          if (lookup && (result == null || (Array.isArray(result) && result.includes(null)))) keys.add(cacheKeys.misses);
          for (const key of rowKeysOf(returned, result)) keys.add(key);
          return result;
        });
      };
    }
  }
  return schema;
}
