import { createHash } from "node:crypto";
import { db } from "../db/client.ts";
import type { Tx } from "../db/transaction.ts";
import { isLiveArticle, isLivePage } from "../domain/visibility.ts";
import { cacheKeys } from "../domain/cache-keys.ts";
import { uris } from "../domain/uri.ts";
import { globalIdParts } from "../domain/global-ids.ts";
import { changedKeys, everyTime, type KeyState } from "./key-state.ts";

type Args = Record<string, unknown>;
/**
 * What decides the answers of each key a mutation may affect, read once before it runs and once
 * after (with its result), inside its transaction: the keys whose state differs are recorded on
 * its change and evicted (src/changes/key-state.ts). Queries go one at a time: the client is
 * usually an interactive transaction, one connection.
 */
export type Effect = (client: Tx, args: Args, now: Date, result?: unknown) => Promise<KeyState>;

const idOf = (globalId: unknown): number | undefined => globalIdParts(globalId)?.id;

/** The id of the row a create mutation's payload names (`{ id }`), once it has run. */
const createdId = (result: unknown): number | undefined => {
  const id = (result as { id?: unknown } | undefined)?.id;
  return typeof id === "number" ? id : undefined;
};

async function categoryWithAncestors(client: Tx, ids: number[]): Promise<{ id: number; slug: string }[]> {
  const all = new Map<number, { id: number; slug: string }>();
  let next = ids;
  while (next.length) {
    const rows = await client.category.findMany({ where: { id: { in: next } }, select: { id: true, slug: true, parentId: true } });
    for (const row of rows) all.set(row.id, row);
    next = rows.map((row) => row.parentId).filter((id): id is number => id != null && !all.has(id));
  }
  return [...all.values()];
}

const articleSelect = {
  slug: true,
  title: true,
  status: true,
  publishedAt: true,
  excerpt: true,
  bodyText: true,
  authorId: true,
  author: { select: { slug: true } },
  categories: { select: { categoryId: true } },
  tags: { select: { tagId: true } },
} as const;

type ArticleRow = NonNullable<Awaited<ReturnType<typeof readArticle>>>;

const readArticle = (client: Tx, id: number) => client.article.findUnique({ where: { id }, select: articleSelect });

function searchState(article: ArticleRow, categoryIds: number[]): string {
  return createHash("sha256").update(JSON.stringify([article.title, article.excerpt, article.bodyText, categoryIds])).digest("base64url");
}

/**
 * An article's key state: its own answers change with any change; while it is live, it is a
 * member of its lists (in date order by its publication instant, in title order by its title),
 * its categories' counts, search, the feeds, its featured slots and menus, and answers at its slug and URI.
 */
async function articleState(client: Tx, id: number, article: ArticleRow | null, live: boolean): Promise<KeyState> {
  const state: KeyState = new Map([[cacheKeys.article(id), everyTime()]]);
  if (!article || !live) return state;
  const categoryIds = article.categories.map((link) => link.categoryId).sort((a, b) => a - b);
  const categories = await categoryWithAncestors(client, categoryIds);
  const slots = await client.featuredItem.findMany({ where: { articleId: id }, select: { slot: true }, distinct: ["slot"] });
  const menus = await client.menuItem.findMany({ where: { articleId: id }, select: { menu: { select: { location: true } } } });
  const lists = [
    cacheKeys.articleLists,
    cacheKeys.authorArticles(article.authorId),
    cacheKeys.authorSlugArticles(article.author.slug),
    ...categories.flatMap((category) => [cacheKeys.categoryArticles(category.id), cacheKeys.categorySlugArticles(category.slug)]),
    ...article.tags.map((link) => cacheKeys.tagArticles(link.tagId)),
  ];
  const publishedAt = article.publishedAt!.toISOString();
  for (const list of lists) state.set(list, publishedAt).set(cacheKeys.byTitle(list), article.title);
  state.set(cacheKeys.categoryCounts, categoryIds.join(","));
  // What search reads of a live article: its indexed text, and its categories (facets, the categorySlug filter).
  state.set(cacheKeys.articleSearch, searchState(article, categoryIds));
  state.set(cacheKeys.articleContent, everyTime());
  for (const { slot } of slots) state.set(cacheKeys.featuredSlot(slot), "live");
  for (const { menu } of menus) state.set(cacheKeys.menu(menu.location), "live");
  state.set(cacheKeys.slugLookup("Article", article.slug), "live");
  state.set(cacheKeys.uri(uris.article(article.slug)), "live");
  return state;
}

/** An article's key state at `now`. */
export async function articleEffect(client: Tx, id: number, now: Date): Promise<KeyState> {
  const article = await readArticle(client, id);
  return articleState(client, id, article, article != null && isLiveArticle(article, now));
}

/** The keys an article's scheduled instant changes: it was not live, and now is. */
export async function keysOfGoingLive(id: number, client: Tx = db()): Promise<string[]> {
  const article = await readArticle(client, id);
  return changedKeys(await articleState(client, id, article, false), await articleState(client, id, article, article != null));
}

const articleIn =
  (argument: string): Effect =>
  async (client, args, now) => {
    const id = idOf(args[argument]);
    return id === undefined ? new Map() : articleEffect(client, id, now);
  };
const article = articleIn("id");

const createArticle: Effect = async (client, _args, now, result) => {
  const id = createdId(result);
  return id === undefined ? new Map() : articleEffect(client, id, now);
};

/** An author's answers, lookups and URI; its list of articles changes only when articles move to or from it. */
async function authorState(client: Tx, id: number | undefined, { articlesMove = false } = {}): Promise<KeyState> {
  if (id === undefined) return new Map();
  const state: KeyState = new Map([
    [cacheKeys.author(id), everyTime()],
    [cacheKeys.authorList, everyTime()],
  ]);
  const author = await client.author.findUnique({ where: { id }, select: { slug: true } });
  if (articlesMove) state.set(cacheKeys.authorArticles(id), everyTime());
  if (!author) return state;
  if (articlesMove) state.set(cacheKeys.authorSlugArticles(author.slug), everyTime());
  return state.set(cacheKeys.slugLookup("Author", author.slug), String(id)).set(cacheKeys.uri(uris.author(author.slug)), String(id));
}

const authorIn =
  (argument: string): Effect =>
  (client, args) =>
    authorState(client, idOf(args[argument]));

const deleteAuthor: Effect = async (client, args) => {
  const deleted = await authorState(client, idOf(args.id), { articlesMove: true });
  const heir = await authorState(client, idOf(args.reassignArticlesTo), { articlesMove: true });
  return new Map([...deleted, ...heir]);
};

/**
 * A category's change: the tree (names, slugs, parents behind URIs, breadcrumbs, lookups and the
 * `categorySlug` filter), counts, its row, and the lists of its ancestors, which hold its articles.
 */
async function categoryState(client: Tx, id: number | undefined, also: (number | undefined)[] = []): Promise<KeyState> {
  const state: KeyState = new Map([
    [cacheKeys.categoryTree, everyTime()],
    [cacheKeys.categoryCounts, everyTime()],
  ]);
  if (id === undefined) return state;
  state.set(cacheKeys.category(id), everyTime());
  const holding = await categoryWithAncestors(client, [id]);
  const receiving = await categoryWithAncestors(client, also.filter((other): other is number => other !== undefined));
  for (const category of holding) state.set(cacheKeys.categoryArticles(category.id), "holds");
  for (const category of receiving) state.set(cacheKeys.categoryArticles(category.id), everyTime());
  return state;
}

const updateCategory: Effect = (client, args) => categoryState(client, idOf(args.id));
const createCategory: Effect = (client, _args, _now, result) => categoryState(client, createdId(result));
const deleteCategory: Effect = (client, args) => categoryState(client, idOf(args.id), [idOf(args.moveArticlesTo)]);

async function pageState(client: Tx, id: number | undefined): Promise<KeyState> {
  const state: KeyState = new Map([[cacheKeys.pageList, everyTime()]]);
  if (id === undefined) return state;
  state.set(cacheKeys.page(id), everyTime());
  const page = await client.page.findUnique({ where: { id }, select: { slug: true, status: true } });
  const menus = await client.menuItem.findMany({ where: { pageId: id }, select: { menu: { select: { location: true } } } });
  for (const { menu } of menus) state.set(cacheKeys.menu(menu.location), everyTime());
  if (!page || !isLivePage(page)) return state;
  return state.set(cacheKeys.slugLookup("Page", page.slug), "live").set(cacheKeys.uri(uris.page(page.slug)), "live");
}

const page: Effect = (client, args) => pageState(client, idOf(args.id));
const createPage: Effect = (client, _args, _now, result) => pageState(client, createdId(result));

/** A redirect changes what `resolveUri` answers at its old path, and at its target (a redirect from there is dropped). */
const redirect: Effect = async (_client, args, _now, result) => {
  const { from = args.from as string | undefined, to } = (typeof result === "object" && result !== null ? result : {}) as { from?: string; to?: string };
  return new Map([from, to].filter((uri): uri is string => uri !== undefined).map((uri) => [cacheKeys.uri(uri), everyTime()]));
};

const keys =
  (...of: ((args: Args) => string)[]): Effect =>
  async (_client, args) =>
    new Map(of.map((key) => [key(args), everyTime()]));

/**
 * Whether a mutation's answer reports success. Refusals are thrown, or answered as an error, a
 * result with `ok: false`, or a payload listing errors: none of those changed anything.
 */
export function succeeded(result: unknown): boolean {
  if (result instanceof Error) return false;
  if (typeof result !== "object" || result === null) return true;
  const { ok, errors } = result as { ok?: unknown; errors?: unknown };
  return ok !== false && !(Array.isArray(errors) && errors.length > 0);
}

/** Public forms write nothing that anonymous answers show. */
const nothingPublic: Effect = async () => new Map();

/** Mutation field → the key state it may change. Every mutation is listed (the schema refuses to build otherwise). */
export const MUTATION_EFFECTS: Record<string, Effect> = {
  createArticle,
  updateArticle: article,
  publishArticle: article,
  unpublishArticle: article,
  archiveArticle: article,
  deleteArticle: article,
  createAuthor: (client, _args, _now, result) => authorState(client, createdId(result)),
  updateAuthor: authorIn("id"),
  deleteAuthor,
  createCategory,
  updateCategory,
  deleteCategory,
  createPage,
  updatePage: page,
  deletePage: page,
  setFeatured: keys((args) => cacheKeys.featuredSlot(args.slot as string)),
  setMenu: keys((args) => cacheKeys.menu(args.location as string)),
  updateSite: keys(() => cacheKeys.site),
  createRedirect: redirect,
  deleteRedirect: redirect,
  updateArticleTrust: articleIn("articleId"),
  setRelatedArticles: articleIn("articleId"),
  requestReview: articleIn("articleId"),
  approveReview: articleIn("articleId"),
  addCorrection: articleIn("articleId"),
  restoreArticleRevision: articleIn("articleId"),
  createPreviewLink: nothingPublic,
  revokePreviewLink: nothingPublic,
  rotatePreviewSigningKey: nothingPublic,
  updateAuthorProfile: authorIn("authorId"),
  updateEditorialSettings: keys(() => cacheKeys.site),
  subscribe: nothingPublic,
  confirmSubscription: nothingPublic,
  unsubscribe: nothingPublic,
  sendContactMessage: nothingPublic,
  eraseSubscriber: nothingPublic,
  markContactMessageHandled: nothingPublic,
  createWebhook: nothingPublic,
  updateWebhook: nothingPublic,
  deleteWebhook: nothingPublic,
  rotateWebhookSecret: nothingPublic,
  redeliverWebhook: nothingPublic,
};
