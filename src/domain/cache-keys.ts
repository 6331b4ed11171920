/**
 * A name as it may stand in a key: the keys go into Surrogate-Key and xkey, space-separated,
 * so anything but letters, digits and `-_.` is percent-encoded (UTF-8) and no stored name, however
 * it got there, can split a key, add one, or put a byte into a header that HTTP refuses.
 */
const keyPart = (name: string) =>
  name.replace(/[^A-Za-z0-9._-]+/g, (text) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""));

/**
 * The one definition of response-cache keys. A cached response carries the keys of everything
 * it shows; a change evicts the keys it affects (src/cache/mutation-effects.ts,
 * src/read/schedule.ts). The same keys go to a CDN as Surrogate-Key / xkey.
 */
export const cacheKeys = {
  article: (id: number) => `Article:${id}`,
  author: (id: number) => `Author:${id}`,
  category: (id: number) => `Category:${id}`,
  page: (id: number) => `Page:${id}`,
  menu: (location: string) => `Menu:${keyPart(location)}`,
  featuredSlot: (slot: string) => `FeaturedSlot:${keyPart(slot)}`,
  site: "Site",
  /** Top-level article lists (every order and filter) and search: membership and order. */
  articleLists: "Articles",
  /** A category's article list and count (its sub-categories' articles included). */
  categoryArticles: (id: number) => `Category:${id}:articles`,
  /** An author's article list and count. */
  authorArticles: (id: number) => `Author:${id}:articles`,
  /** The category tree: names, slugs and parents behind every category URI, breadcrumb and category list. */
  categoryTree: "Categories",
  /** Lists of categories, whose membership and order follow their article counts. */
  categoryCounts: "Categories:counts",
  /** The list of authors. */
  authorList: "Authors",
  /** The list of pages (the sitemap lists them). */
  pageList: "Pages",
  /** Redirects, as `resolveUri` answers them. */
  redirects: "Redirects",
  /** Root lookups (by slug, id or URI) that found nothing: anything new may answer them. */
  misses: "Misses",
  /** An answer that differs on every call (a form's proof-of-work challenge): never stored. */
  noStore: "NoStore",
} as const;

/**
 * What /sitemap.xml and /feed.xml show: every live article, category, author and page, and the
 * site's settings (feed title, full or excerpt). Any change to a live article evicts the lists.
 */
export const publicFeedKeys = [cacheKeys.articleLists, cacheKeys.categoryTree, cacheKeys.authorList, cacheKeys.pageList, cacheKeys.site];

/** The entity types whose rows carry their own key. */
export const entityKey: Record<string, (row: { id: number }) => string> = {
  Article: (row) => cacheKeys.article(row.id),
  Author: (row) => cacheKeys.author(row.id),
  Category: (row) => cacheKeys.category(row.id),
  Page: (row) => cacheKeys.page(row.id),
};
