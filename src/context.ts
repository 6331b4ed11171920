import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./viewer.ts";
import { viewerFromRequest } from "./auth/viewer-from-request.ts";
import { createLoaders, type Loaders } from "./loaders/index.ts";

export interface Context {
  viewer: Viewer;
  /** One clock per request, so every visibility check in it agrees. */
  now: Date;
  loaders: Loaders;
}

/** Drops everything the request's loaders cached (after a mutation changed the data). */
export function refreshLoaders(ctx: Context): void {
  ctx.loaders = createLoaders(ctx);
}

export async function createContext(initial: YogaInitialContext, now: Date = new Date()): Promise<Context> {
  const scope = { viewer: await viewerFromRequest(initial.request, now), now };
  return { ...scope, loaders: createLoaders(scope) };
}
