/**
 * A name as it may stand in a key: the keys go into Surrogate-Key and xkey, space-separated,
 * so anything but letters, digits and `-_.` is percent-encoded (UTF-8) and no stored name, however
 * it got there, can split a key, add one, or put a byte into a header that HTTP refuses.
 */
const keyPart = (name: string) =>
  name.replace(/[^A-Za-z0-9._-]+/g, (text) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""));

/**
 * The one definition of response-cache keys. A cached response carries the keys of everything
 * it shows and of what decides a list's membership and order; a change evicts the keys whose
 * answers it changes (src/changes/mutation-effects.ts,
 * src/read/schedule.ts). The same keys go to a CDN as Surrogate-Key / xkey.
 */
export const cacheKeys = {
  article: (id: number) => `Article:${id}`,
  author: (id: number) => `Author:${id}`,
  category: (id: number) => `Category:${id}`,
  page: (id: number) => `Page:${id}`,
  tag: (id: number) => `Tag:${id}`,
  menu: (location: string) => `Menu:${keyPart(location)}`,
  featuredSlot: (slot: string) => `FeaturedSlot:${keyPart(slot)}`,
  site: "Site",
  /** Every live article's date-ordered lists (newest, oldest, published before or after) and their counts. */
  articleLists: "Articles",
  /** A category's article list and count, by its id (its sub-categories' articles included in the `categorySlug` filter). */
  categoryArticles: (id: number) => `Category:${id}:articles`,
  /** `articles(where: { categorySlug })`: the same list as `categoryArticles`, named as the filter names it. */
  categorySlugArticles: (slug: string) => `Category:slug:${keyPart(slug)}:articles`,
  /** A tag's article list and count, by its id. */
  tagArticles: (id: number) => `Tag:${id}:articles`,
  /** An author's article list and count. */
  authorArticles: (id: number) => `Author:${id}:articles`,
  /** `articles(where: { authorSlug })`: the same list as `authorArticles`, named as the filter names it. */
  authorSlugArticles: (slug: string) => `Author:slug:${keyPart(slug)}:articles`,
  /** A list (one of the keys above) in title order: its order follows titles, not publication instants. */
  byTitle: (listKey: string) => `${listKey}:title`,
  /** `articles(where: { search })`: membership follows every live article's title and body. */
  articleSearch: "Articles:search",
  /** What /sitemap.xml and /feed.xml show of live articles (titles, excerpts, bodies, dates). */
  articleContent: "Articles:content",
  /** A lookup by slug (`article`, `author`, `page`) that found nothing: evicted when that slug exists. */
  slugLookup: (type: "Article" | "Author" | "Page" | "Tag", slug: string) => `${type}:slug:${keyPart(slug)}`,
  /**
   * What `resolveUri` answers for a site path (content, a redirect, or nothing). Content answers
   * at a path whatever its letters' case, so paths that differ only in case share one key.
   */
  uri: (path: string) => `Uri:${keyPart(path.toLowerCase())}`,
  /** The category tree: names, slugs and parents behind every category URI, breadcrumb, category list and lookup. */
  categoryTree: "Categories",
  /** Lists of categories, whose membership and order follow their article counts. */
  categoryCounts: "Categories:counts",
  /** The list of tags, whose membership and order follow their names and article counts. */
  tagList: "Tags",
  /** The list of authors. */
  authorList: "Authors",
  /** The list of pages (the sitemap lists them). */
  pageList: "Pages",
  /** An answer that differs on every call (a form's proof-of-work challenge): never stored. */
  noStore: "NoStore",
} as const;

/**
 * What /sitemap.xml and /feed.xml show: every live article, category (with articles), author and
 * page, and the site's settings (feed title, full or excerpt). Any change to a live article evicts them.
 */
export const publicFeedKeys = [
  cacheKeys.articleLists,
  cacheKeys.articleContent,
  cacheKeys.categoryTree,
  cacheKeys.categoryCounts,
  cacheKeys.tagList,
  cacheKeys.authorList,
  cacheKeys.pageList,
  cacheKeys.site,
];

/** The entity types whose rows carry their own key. */
export const entityKey: Record<string, (row: { id: number }) => string> = {
  Article: (row) => cacheKeys.article(row.id),
  Author: (row) => cacheKeys.author(row.id),
  Category: (row) => cacheKeys.category(row.id),
  Page: (row) => cacheKeys.page(row.id),
  Tag: (row) => cacheKeys.tag(row.id),
};
