import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./viewer.ts";
import { viewerFromRequest } from "./auth/viewer-from-request.ts";
import { createLoaders, type Loaders } from "./loaders/index.ts";
import type { Clock } from "./clock.ts";
import type { FeaturedLive } from "./live/featured-live.ts";

export interface Context {
  viewer: Viewer;
  /** One clock per request, so every visibility check in it agrees. */
  now: Date;
  loaders: Loaders;
  /** This server's live featured slots (subscriptions, and the changes told to them). */
  featuredLive: FeaturedLive;
}

/** Drops everything the request's loaders cached (after a mutation changed the data). */
export function refreshLoaders(ctx: Context): void {
  ctx.loaders = createLoaders(ctx);
}

export async function createContext(initial: YogaInitialContext, clock: Clock, featuredLive: FeaturedLive): Promise<Context> {
  const now = clock.now();
  const scope = { viewer: await viewerFromRequest(initial.request, now), now };
  return { ...scope, loaders: createLoaders(scope), featuredLive };
}
