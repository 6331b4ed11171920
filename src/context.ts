import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./viewer.ts";
import { viewerFromRequest } from "./auth/viewer-from-request.ts";
import { loadCategoryDirectory, type CategoryDirectory } from "./loaders/category-directory.ts";
import { loadCategoryArticleCounts } from "./loaders/article-counts.ts";

/** Runs a load at most once per request, and only if something asks for it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

export interface Context {
  viewer: Viewer;
  /** One clock per request, so every visibility check in it agrees. */
  now: Date;
  categoryDirectory: () => Promise<CategoryDirectory>;
  categoryArticleCounts: () => Promise<Map<number, number>>;
}

export async function createContext(initial: YogaInitialContext): Promise<Context> {
  const now = new Date();
  return {
    viewer: await viewerFromRequest(initial.request, now),
    now,
    categoryDirectory: once(loadCategoryDirectory),
    categoryArticleCounts: once(() => loadCategoryArticleCounts(now)),
  };
}
