import { Redis } from "ioredis";
import type { ResponseStore } from "./store.ts";

export interface RedisStoreEvents {
  /** Redis did not answer: the request goes on uncached. */
  failed(operation: string, error: Error): void;
  /** Redis answers again after failures. */
  recovered(): void;
}

const FIRST_CONNECTION_WAIT_MS = 1000;

/** Longer than any request runs (REQUEST_TIMEOUT_MS is at most 600 s). */
const EVICTION_MEMORY_MS = 700_000;

// KEYS: the answer, then per cache key its set and its eviction mark. ARGV: id, answer, ttl, version.
const STORE_SCRIPT = `
local count = (#KEYS - 1) / 2
for i = 1, count do
  local evicted = redis.call('GET', KEYS[1 + count + i])
  if evicted and tonumber(evicted) > tonumber(ARGV[4]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
for i = 1, count do
  redis.call('SADD', KEYS[1 + i], ARGV[1])
  if redis.call('PTTL', KEYS[1 + i]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1 + i], ARGV[3]) end
end
return 1`;

// KEYS: per cache key its set and its eviction mark. ARGV: the answer key prefix, memory ms.
const EVICT_SCRIPT = `
local version = redis.call('INCR', KEYS[#KEYS])
local count = (#KEYS - 1) / 2
for i = 1, count do
  local ids = redis.call('SMEMBERS', KEYS[i])
  for _, id in ipairs(ids) do redis.call('UNLINK', ARGV[1] .. id) end
  redis.call('UNLINK', KEYS[i])
  redis.call('SET', KEYS[count + i], version, 'PX', ARGV[2])
end
return version`;

/**
 * Shared by every instance: an answer is a string `<prefix>response:<id>` expiring with it, each
 * cache key a set `<prefix>key:<key>` of the answers that carry it and a mark
 * `<prefix>evicted:<key>` of when it was last evicted. Commands fail at once while Redis is
 * unreachable (no offline queue), so requests never wait for it.
 */
export function redisStore(url: string, prefix: string, events: RedisStoreEvents): ResponseStore {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  const responseKey = (id: string) => `${prefix}response:${id}`;
  const setKey = (key: string) => `${prefix}key:${key}`;
  const markKey = (key: string) => `${prefix}evicted:${key}`;
  const versionKey = `${prefix}version`;
  // An eviction that failed leaves answers that must not be served: all of them go once Redis is back.
  let missedEviction = false;
  let failing = false;

  client.on("error", () => undefined);
  client.on("ready", () => {
    if (missedEviction) void flush();
  });
  // The first requests wait a moment for the first connection rather than go uncached.
  let connecting: Promise<unknown> | undefined = new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS);
    timer.unref();
    client.once("ready", () => resolve(clearTimeout(timer)));
  }).then(() => (connecting = undefined));

  const attempt = async <T>(operation: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (connecting) await connecting;
    try {
      const result = await work();
      if (failing) {
        failing = false;
        events.recovered();
      }
      return result;
    } catch (error) {
      failing = true;
      events.failed(operation, error as Error);
      return undefined;
    }
  };

  const flush = async () => {
    const done = await attempt("flush", async () => {
      let cursor = "0";
      do {
        const [next, found] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        if (found.length) await client.unlink(...found);
        cursor = next;
      } while (cursor !== "0");
      // Marks are gone too: answers being made now must not be stored.
      await client.set(versionKey, Date.now());
      return true;
    });
    if (done) missedEviction = false;
  };

  return {
    async get(id, now) {
      if (missedEviction) return { response: undefined, version: 0 };
      const found = await attempt("get", () => client.multi().get(responseKey(id)).get(versionKey).exec());
      if (!found) return { response: undefined, version: Number.MAX_SAFE_INTEGER };
      const [[, text], [, version]] = found as [[null, string | null], [null, string | null]];
      const response = text ? JSON.parse(text) : undefined;
      return { response: response && response.expiresAt > now ? response : undefined, version: Number(version ?? 0) };
    },
    async set(id, response, now, version) {
      if (missedEviction || version === Number.MAX_SAFE_INTEGER) return;
      const ttl = Math.max(1, response.expiresAt - now);
      const keys = [responseKey(id), ...response.keys.map(setKey), ...response.keys.map(markKey)];
      await attempt("set", () => client.eval(STORE_SCRIPT, keys.length, ...keys, id, JSON.stringify(response), ttl, version));
    },
    async evict(keys) {
      if (keys.length === 0) return;
      const redisKeys = [...keys.map(setKey), ...keys.map(markKey), versionKey];
      const done = await attempt("evict", () => client.eval(EVICT_SCRIPT, redisKeys.length, ...redisKeys, `${prefix}response:`, EVICTION_MEMORY_MS));
      if (done === undefined) missedEviction = true;
    },
    async close() {
      client.disconnect();
    },
  };
}
