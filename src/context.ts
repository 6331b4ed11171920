import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./viewer.ts";
import { viewerFromRequest } from "./auth/viewer-from-request.ts";
import { createLoaders, type Loaders } from "./loaders/index.ts";
import type { Clock } from "./clock.ts";

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

export async function createContext(initial: YogaInitialContext, clock: Clock): Promise<Context> {
  const now = clock();
  const scope = { viewer: await viewerFromRequest(initial.request, now), now };
  return { ...scope, loaders: createLoaders(scope) };
}
