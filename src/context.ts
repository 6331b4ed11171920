import type { YogaInitialContext } from "graphql-yoga";
import { anonymous, type Viewer } from "./viewer.ts";
import { createLoaders, type Loaders } from "./loaders/index.ts";

export interface Context {
  viewer: Viewer;
  /** One clock per request, so every visibility check in it agrees. */
  now: Date;
  loaders: Loaders;
}

export function createContext(_initial: YogaInitialContext): Context {
  const scope = { viewer: anonymous, now: new Date() };
  return { ...scope, loaders: createLoaders(scope) };
}
