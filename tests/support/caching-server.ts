import { createLanternYoga, type LanternYoga } from "../../src/app/yoga.ts";
import { parseConfig } from "../../src/platform/settings.ts";
import type { ManualClock } from "./clock.ts";
import { postGraphql } from "./graphql-client.ts";

/**
 * A production-configured server with the response cache on (the per-file set-up turns it off),
 * saying X-Cache: HIT or MISS so that tests can tell (RESPONSE_CACHE_DEBUG_HEADERS).
 */
export function cachingServer(clock: ManualClock, env: Record<string, string> = {}): LanternYoga {
  return createLanternYoga(parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", RESPONSE_CACHE_DEBUG_HEADERS: "true", ...env }), { clock });
}

/** A GraphQL POST, answered with the response itself (its cache headers) and its JSON. */
export function post(yoga: LanternYoga, query: string, headers: Record<string, string> = {}, variables?: object) {
  return postGraphql(yoga, query, variables, headers);
}
