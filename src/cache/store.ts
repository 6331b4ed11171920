import { FrequencySketch } from "./frequency-sketch.ts";

/** One cached answer: the bytes sent, and what they show. */
export interface CachedResponse {
  body: string;
  contentType: string;
  etag: string;
  /** Cache keys (src/domain/cache-keys.ts) of everything the answer shows. */
  keys: string[];
  /** Epoch milliseconds after which it is not served (the clock's time, not the store's). */
  expiresAt: number;
  /** The HTTP status, when not 200: a route's "no such thing" (404) is kept like its answers. */
  status?: number;
}

const sizeOf = (response: CachedResponse) => 2 * response.body.length;

export interface Lookup {
  /** Undefined when absent, expired, or the store cannot answer. */
  response: CachedResponse | undefined;
  /** The store's eviction count when looked up: an answer made since is stored only if none of its keys was evicted after. */
  version: number;
}

export interface ResponseStore {
  get(id: string, now: number): Promise<Lookup>;
  /** Stores an answer made after `get` returned `version`, unless one of its keys was evicted since. */
  set(id: string, response: CachedResponse, now: number, version: number): Promise<void>;
  /** Removes every answer that carries any of `keys`. */
  evict(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * One process: answers kept in memory up to `maxEntries` answers and `maxBytes` of bodies
 * (counted as UTF-16, as the process holds them), the least recently used dropped first, but only
 * for an answer asked for more often (admission by frequency: a flood of answers asked once
 * cannot push out popular ones). It remembers the last `rememberedEvictions` evicted keys; an
 * answer made before the oldest of those is not stored, since it cannot be told whether one of
 * its keys was evicted while it was made.
 */
export function memoryStore({ maxEntries = 5000, maxBytes = 32 * 2 ** 20, rememberedEvictions = 10_000 } = {}): ResponseStore {
  // In order of use, the least recently used first.
  const responses = new Map<string, CachedResponse>();
  let bytes = 0;
  const byKey = new Map<string, Set<string>>();
  /** Evicted keys by the version that evicted them, oldest first. */
  const evictedAt = new Map<string, number>();
  let forgottenUpTo = 0;
  let version = 0;
  const frequency = new FrequencySketch();

  const drop = (id: string) => {
    const response = responses.get(id);
    if (!response) return;
    responses.delete(id);
    bytes -= sizeOf(response);
    for (const key of response.keys) {
      const ids = byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) byKey.delete(key);
    }
  };

  const rememberEviction = (key: string) => {
    evictedAt.delete(key);
    evictedAt.set(key, version);
    for (const [oldest, at] of evictedAt) {
      if (evictedAt.size <= rememberedEvictions) break;
      evictedAt.delete(oldest);
      forgottenUpTo = Math.max(forgottenUpTo, at);
    }
  };

  /** The answers to drop to make room for one of `size`, or undefined when one of them was asked for at least as often. */
  const victimsFor = (id: string, size: number, now: number): string[] | undefined => {
    const victims: string[] = [];
    let freed = 0;
    const candidate = frequency.estimate(id);
    for (const [victim, response] of responses) {
      if (responses.size - victims.length < maxEntries && bytes - freed + size <= maxBytes) break;
      if (response.expiresAt > now && frequency.estimate(victim) >= candidate) return undefined;
      victims.push(victim);
      freed += sizeOf(response);
    }
    return victims;
  };

  return {
    async get(id, now) {
      frequency.increment(id);
      const response = responses.get(id);
      if (response && response.expiresAt <= now) drop(id);
      if (!response || response.expiresAt <= now) return { response: undefined, version };
      responses.delete(id);
      responses.set(id, response);
      return { response, version };
    },
    async set(id, response, now, madeAt) {
      if (madeAt < forgottenUpTo || response.keys.some((key) => (evictedAt.get(key) ?? 0) > madeAt)) return;
      drop(id);
      if (sizeOf(response) > maxBytes) return;
      const victims = victimsFor(id, sizeOf(response), now);
      if (!victims) return;
      for (const victim of victims) drop(victim);
      responses.set(id, response);
      bytes += sizeOf(response);
      for (const key of response.keys) {
        let ids = byKey.get(key);
        if (!ids) byKey.set(key, (ids = new Set()));
        ids.add(id);
      }
    },
    async evict(keys) {
      version += 1;
      for (const key of keys) {
        rememberEviction(key);
        for (const id of [...(byKey.get(key) ?? [])]) drop(id);
        byKey.delete(key);
      }
    },
    async close() {
      responses.clear();
      byKey.clear();
      evictedAt.clear();
    },
  };
}
