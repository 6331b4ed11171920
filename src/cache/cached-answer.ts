import type { ResponseCache } from "./response-cache.ts";
import type { CachedResponse, Lookup } from "./store.ts";
import { etagOf } from "../platform/http/etag.ts";

/** An answer a scheduled change replaces in under a second is neither served from the cache nor stored. */
const SHORTEST_KEEP_MS = 1000;

/** What a route builds; the cache adds its ETag and expiry. */
export type Answer = Omit<CachedResponse, "etag" | "expiresAt">;

export interface CacheLookup extends Lookup {
  /** Whether the stored answer may be served now. */
  servable: boolean;
  /** How long it may still be kept (as long as an answer made now), in milliseconds. */
  ttl: number;
}

/** The stored answer for `id`, and whether it may be served at `now`. */
export async function lookUp(cache: ResponseCache, id: string, now: Date): Promise<CacheLookup> {
  const found = cache.enabled ? await cache.store.get(id, now.getTime()) : { response: undefined, version: 0 };
  const ttl = found.response ? await cache.ttlMs(now) : 0;
  return { ...found, servable: found.response !== undefined && ttl >= SHORTEST_KEEP_MS, ttl };
}

/**
 * `answer` as made at `now`, after a lookup that returned `version`: stored unless it would expire
 * within a second (or one of its keys was evicted since the lookup). `kept` says whether it may be
 * kept at all, by this cache or by browsers and CDNs.
 */
export async function storeAnswer(cache: ResponseCache, id: string, now: Date, version: number, answer: Answer) {
  const ttl = cache.enabled ? await cache.ttlMs(now) : 0;
  const stored: CachedResponse = { ...answer, etag: etagOf(answer.body), expiresAt: now.getTime() + ttl };
  const kept = ttl >= SHORTEST_KEEP_MS;
  if (kept) await cache.store.set(id, stored, now.getTime(), version);
  return { stored, kept, maxAge: Math.floor(ttl / 1000) };
}

/**
 * The answer kept under `id`, or the one `build` makes now (and stores), with the max-age to
 * send: a hit carries the same as the miss that would replace it.
 */
export async function cachedOrBuilt(cache: ResponseCache, id: string, now: Date, build: () => Promise<Answer>) {
  const lookup = await lookUp(cache, id, now);
  if (lookup.servable) return { answer: lookup.response!, maxAge: Math.floor(lookup.ttl / 1000) };
  const { stored, maxAge } = await storeAnswer(cache, id, now, lookup.version, await build());
  return { answer: stored, maxAge };
}
