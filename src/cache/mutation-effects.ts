import { decodeGlobalID } from "@pothos/plugin-relay";
import { db } from "../db/client.ts";
import { isLiveArticle } from "../domain/visibility.ts";
import { cacheKeys } from "../domain/cache-keys.ts";

type Args = Record<string, unknown>;
/** The keys a mutation affects, read once before it runs and once after (their union is evicted). */
type Effect = (args: Args, now: Date) => Promise<string[]>;

const idOf = (globalId: unknown): number | undefined => {
  try {
    const id = Number(decodeGlobalID(String(globalId)).id);
    return Number.isSafeInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
};

async function categoryWithAncestors(ids: number[]): Promise<number[]> {
  const all = new Set<number>();
  let next = ids;
  while (next.length) {
    for (const id of next) all.add(id);
    const rows = await db().category.findMany({ where: { id: { in: next } }, select: { parentId: true } });
    next = rows.map((row) => row.parentId).filter((id): id is number => id != null && !all.has(id));
  }
  return [...all];
}

/** What an article shows up in: when it is live, every list, count, slot and menu that may hold it. */
export async function articleEffect(id: number, now: Date): Promise<string[]> {
  const article = await db().article.findUnique({
    where: { id },
    select: { status: true, publishedAt: true, authorId: true, categories: { select: { categoryId: true } } },
  });
  if (!article || !isLiveArticle(article, now)) return [cacheKeys.article(id)];
  const [categories, slots, menus] = await Promise.all([
    categoryWithAncestors(article.categories.map((link) => link.categoryId)),
    db().featuredItem.findMany({ where: { articleId: id }, select: { slot: true }, distinct: ["slot"] }),
    db().menuItem.findMany({ where: { articleId: id }, select: { menu: { select: { location: true } } } }),
  ]);
  return [
    cacheKeys.article(id),
    cacheKeys.articleLists,
    cacheKeys.authorArticles(article.authorId),
    ...categories.map(cacheKeys.categoryArticles),
    cacheKeys.categoryCounts,
    ...slots.map((item) => cacheKeys.featuredSlot(item.slot)),
    ...menus.map((item) => cacheKeys.menu(item.menu.location)),
    cacheKeys.redirects,
    cacheKeys.misses,
  ];
}

const articleIn =
  (argument: string): Effect =>
  async (args, now) => {
    const id = idOf(args[argument]);
    return id === undefined ? [] : articleEffect(id, now);
  };
const article = articleIn("id");

const authorIn = (argument: string): Effect => async (args) => {
  const id = idOf(args[argument]);
  return [cacheKeys.authorList, cacheKeys.misses, ...(id === undefined ? [] : [cacheKeys.author(id), cacheKeys.authorArticles(id)])];
};

const category: Effect = async (args) => {
  const id = idOf(args.id);
  const input = (args.input ?? {}) as { parentId?: unknown };
  const parent = idOf(input.parentId);
  const own = id === undefined ? null : await db().category.findUnique({ where: { id }, select: { parentId: true } });
  const lists = await categoryWithAncestors([id, parent, own?.parentId].filter((x): x is number => x != null));
  return [
    cacheKeys.categoryTree,
    cacheKeys.categoryCounts,
    cacheKeys.misses,
    ...(id === undefined ? [] : [cacheKeys.category(id), cacheKeys.articleLists]),
    ...lists.map(cacheKeys.categoryArticles),
  ];
};

const page: Effect = async (args) => {
  const id = idOf(args.id);
  if (id === undefined) return [cacheKeys.misses, cacheKeys.pageList];
  const menus = await db().menuItem.findMany({ where: { pageId: id }, select: { menu: { select: { location: true } } } });
  return [cacheKeys.page(id), cacheKeys.pageList, cacheKeys.misses, cacheKeys.redirects, ...menus.map((item) => cacheKeys.menu(item.menu.location))];
};

const author = authorIn("id");

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
const nothingPublic: Effect = async () => [];

/** Mutation field → the keys it affects. Every mutation is listed (the schema refuses to build otherwise). */
export const MUTATION_EFFECTS: Record<string, Effect> = {
  createArticle: async () => [],
  updateArticle: article,
  publishArticle: article,
  unpublishArticle: article,
  archiveArticle: article,
  deleteArticle: article,
  createAuthor: author,
  updateAuthor: author,
  deleteAuthor: author,
  createCategory: category,
  updateCategory: category,
  deleteCategory: category,
  createPage: page,
  updatePage: page,
  deletePage: page,
  setFeatured: async (args) => [cacheKeys.featuredSlot(args.slot as string)],
  setMenu: async (args) => [cacheKeys.menu(args.location as string), cacheKeys.misses],
  updateSite: async () => [cacheKeys.site],
  createRedirect: async () => [cacheKeys.redirects, cacheKeys.misses],
  deleteRedirect: async () => [cacheKeys.redirects, cacheKeys.misses],
  updateArticleTrust: articleIn("articleId"),
  requestReview: articleIn("articleId"),
  approveReview: articleIn("articleId"),
  addCorrection: articleIn("articleId"),
  updateAuthorProfile: authorIn("authorId"),
  updateEditorialSettings: async () => [cacheKeys.site],
  subscribe: nothingPublic,
  confirmSubscription: nothingPublic,
  unsubscribe: nothingPublic,
  sendContactMessage: nothingPublic,
  eraseSubscriber: nothingPublic,
  markContactMessageHandled: nothingPublic,
};
