import type { VisibilityScope } from "../domain/visibility.ts";
import { loadCategoryDirectory } from "./category-directory.ts";
import { authorArticleCountLoader, tagArticleCountLoader } from "./article-counts.ts";
import { featuredBySlotLoader } from "./featured.ts";
import { menuByLocationLoader } from "./menus.ts";
import { authorByIdLoader } from "./authors.ts";
import { categoryIdsByArticleLoader, tagsByArticleLoader } from "./article-category-links.ts";
import { loadSite } from "./site.ts";
import { createTrustLoaders } from "./article-trust.ts";

/** Creates a loader on first use, once per request. */
function lazy<T>(create: () => T): () => T {
  let value: T | undefined;
  let created = false;
  return () => {
    if (!created) {
      value = create();
      created = true;
    }
    return value as T;
  };
}

/** Per-request loaders: batched, cached for the request only, never shared between requests. */
export function createLoaders(scope: VisibilityScope) {
  const categoryDirectory = lazy(() => loadCategoryDirectory(scope.now));
  const site = lazy(() => loadSite());
  return {
    categoryDirectory,
    categoryArticleCounts: async () => (await categoryDirectory()).articleCounts,
    featuredBySlot: lazy(() => featuredBySlotLoader(scope)),
    menuByLocation: lazy(() => menuByLocationLoader(scope)),
    site,
    authorById: lazy(() => authorByIdLoader()),
    categoryIdsByArticle: lazy(() => categoryIdsByArticleLoader()),
    authorArticleCount: lazy(() => authorArticleCountLoader(scope.now)),
    tagArticleCount: lazy(() => tagArticleCountLoader(scope.now)),
    tagsByArticle: lazy(() => tagsByArticleLoader()),
    trust: lazy(() => createTrustLoaders(scope)),
    editorialSettings: async () => (await site()).editorial,
    /** Loaders of one field of the document (e.g. every author's `articles(first: 3)`), by field. */
    perField: lazy(() => new Map<string, unknown>()),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
