import { connectRedis } from "../platform/redis.ts";
import type { CachedResponse, ResponseStore } from "./store.ts";
import { RESET_AFTER, SKETCH_BYTES, sketchSlots } from "./frequency-sketch.ts";

export interface RedisStoreEvents {
  /** Redis did not answer: the request goes on uncached. */
  failed(operation: string, error: Error): void;
  /** Redis answers again after failures. */
  recovered(): void;
}

const FIRST_CONNECTION_WAIT_MS = 1000;

/** Longer than any request runs (REQUEST_TIMEOUT_MS is at most 600 s). */
const EVICTION_MEMORY_MS = 700_000;

// Bookkeeping of every answer, in the same script that changes it: `<prefix>lru` (a sorted set of
// ids by last use), `<prefix>entries` (id → {s: bytes counted, k: cache keys, a, b: sketch
// slots}), `<prefix>bytes` (their sum) and `<prefix>sketch` (FrequencySketch's counters).
const DROP = `
local function drop(id)
  local meta = redis.call('HGET', KEYS[2], id)
  if meta then
    local entry = cjson.decode(meta)
    redis.call('DECRBY', KEYS[3], entry.s)
    for _, key in ipairs(entry.k) do redis.call('SREM', ARGV[2] .. key, id) end
    redis.call('HDEL', KEYS[2], id)
  end
  redis.call('ZREM', KEYS[1], id)
  redis.call('UNLINK', ARGV[1] .. id)
end
local function frequency(a, b)
  local counts = redis.call('BITFIELD', KEYS[4], 'GET', 'u4', '#' .. a, 'GET', 'u4', '#' .. b)
  return math.min(counts[1], counts[2])
end`;

// KEYS: lru, entries, bytes, sketch, additions, version, the answer. ARGV: answer prefix, set prefix, id, slots a and b, now, reset after.
const GET_SCRIPT = `
local text = redis.call('GET', KEYS[7])
local version = redis.call('GET', KEYS[6])
redis.call('BITFIELD', KEYS[4], 'OVERFLOW', 'SAT', 'INCRBY', 'u4', '#' .. ARGV[4], 1, 'INCRBY', 'u4', '#' .. ARGV[5], 1)
if redis.call('INCR', KEYS[5]) >= tonumber(ARGV[7]) then
  redis.call('SET', KEYS[5], 0)
  local counts = redis.call('GET', KEYS[4])
  if counts then
    local halved = {}
    for i = 1, #counts do
      local byte = string.byte(counts, i)
      halved[i] = string.char(math.floor(math.floor(byte / 16) / 2) * 16 + math.floor((byte % 16) / 2))
    end
    redis.call('SET', KEYS[4], table.concat(halved))
  end
end
if text then redis.call('ZADD', KEYS[1], 'XX', ARGV[6], ARGV[3]) end
return {text, version}`;

// KEYS: lru, entries, bytes, sketch, the answer, then per cache key its set and its eviction mark.
// ARGV: answer prefix, set prefix, id, answer, ttl, version, now, bytes counted, bound, entry.
const STORE_SCRIPT = `${DROP}
local count = (#KEYS - 5) / 2
for i = 1, count do
  local evicted = redis.call('GET', KEYS[5 + count + i])
  if evicted and tonumber(evicted) > tonumber(ARGV[6]) then return 0 end
end
local id, size, bound = ARGV[3], tonumber(ARGV[8]), tonumber(ARGV[9])
drop(id)
local entry = cjson.decode(ARGV[10])
local candidate = frequency(entry.a, entry.b)
local used = tonumber(redis.call('GET', KEYS[3]) or '0')
local victims, freed, cursor = {}, 0, 0
while used - freed + size > bound do
  local batch = redis.call('ZRANGE', KEYS[1], cursor, cursor + 63)
  if #batch == 0 then return 0 end
  for _, victim in ipairs(batch) do
    if used - freed + size <= bound then break end
    local meta = redis.call('HGET', KEYS[2], victim)
    if not meta or redis.call('EXISTS', ARGV[1] .. victim) == 0 then
      drop(victim) -- expired or evicted already: its bytes come back
      used = tonumber(redis.call('GET', KEYS[3]) or '0')
    else
      local held = cjson.decode(meta)
      if frequency(held.a, held.b) >= candidate then return 0 end
      victims[#victims + 1] = victim
      freed = freed + held.s
      cursor = cursor + 1
    end
  end
end
for _, victim in ipairs(victims) do drop(victim) end
redis.call('SET', KEYS[5], ARGV[4], 'PX', ARGV[5])
for i = 1, count do
  redis.call('SADD', KEYS[5 + i], id)
  if redis.call('PTTL', KEYS[5 + i]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[5 + i], ARGV[5]) end
end
redis.call('HSET', KEYS[2], id, ARGV[10])
redis.call('ZADD', KEYS[1], ARGV[7], id)
redis.call('INCRBY', KEYS[3], size)
return 1`;

// KEYS: lru, entries, bytes, sketch, version, then per cache key its set and its eviction mark. ARGV: answer prefix, set prefix, memory ms.
const EVICT_SCRIPT = `${DROP}
local version = redis.call('INCR', KEYS[5])
local count = (#KEYS - 5) / 2
for i = 1, count do
  local ids = redis.call('SMEMBERS', KEYS[5 + i])
  for _, id in ipairs(ids) do drop(id) end
  redis.call('UNLINK', KEYS[5 + i])
  redis.call('SET', KEYS[5 + count + i], version, 'PX', ARGV[3])
end
return version`;

/** Redis' own cost of an answer beyond its bytes: its key, its place in the LRU set and the entries hash (measured with MEMORY USAGE, rounded up). */
const ANSWER_OVERHEAD_BYTES = 512;
/** And of its id in each cache key's set. */
const KEY_OVERHEAD_BYTES = 128;
/** The allocator rounds a value up to its next size class, at most 25% larger. */
const ALLOCATION_ROUNDING = 1.25;
/** Kept whatever is cached: the frequency sketch, the counters, the LRU set's and hash's own structures. */
const FIXED_BYTES = SKETCH_BYTES + 4096;

/**
 * Shared by every instance: an answer is a string `<prefix>response:<id>` expiring with it, each
 * cache key a set `<prefix>key:<key>` of the answers that carry it and a mark
 * `<prefix>evicted:<key>` of when it was last evicted. All of it, with its bookkeeping, stays
 * within `maxBytes`: the least recently used answers are dropped for a new one, but only for one
 * asked for more often (as in the memory store), in the scripts that store, so every instance
 * keeps one account. Commands fail at once while Redis is unreachable (no offline queue), so
 * requests never wait for it.
 */
export function redisStore(url: string, prefix: string, events: RedisStoreEvents, maxBytes = 32 * 2 ** 20): ResponseStore {
  const client = connectRedis(url, { purpose: "response cache", failFast: true });
  const responseKey = (id: string) => `${prefix}response:${id}`;
  const setKey = (key: string) => `${prefix}key:${key}`;
  const markKey = (key: string) => `${prefix}evicted:${key}`;
  const versionKey = `${prefix}version`;
  const books = [`${prefix}lru`, `${prefix}entries`, `${prefix}bytes`, `${prefix}sketch`];
  const prefixes = [`${prefix}response:`, `${prefix}key:`];
  const answerBound = maxBytes - FIXED_BYTES;
  // An eviction that failed leaves answers that must not be served: all of them go once Redis is back.
  let missedEviction = false;
  let failing = false;

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
      const keys = [...books, `${prefix}sketch:additions`, versionKey, responseKey(id)];
      const found = await attempt("get", () => client.eval(GET_SCRIPT, keys.length, ...keys, ...prefixes, id, ...sketchSlots(id), now, RESET_AFTER));
      if (!found) return { response: undefined, version: Number.MAX_SAFE_INTEGER };
      const [text, version] = found as [string | null, string | null];
      const response = text ? (JSON.parse(text) as CachedResponse) : undefined;
      return { response: response && response.expiresAt > now ? response : undefined, version: Number(version ?? 0) };
    },
    async set(id, response, now, version) {
      if (missedEviction || version === Number.MAX_SAFE_INTEGER) return;
      const ttl = Math.max(1, response.expiresAt - now);
      const text = JSON.stringify(response);
      const [a, b] = sketchSlots(id);
      const counted = (size: number) => JSON.stringify({ s: size, k: response.keys, a, b });
      const size0 = Math.ceil(Buffer.byteLength(text) * ALLOCATION_ROUNDING) + ANSWER_OVERHEAD_BYTES + response.keys.reduce((sum, key) => sum + KEY_OVERHEAD_BYTES + id.length + Buffer.byteLength(key), 0);
      // The entry in the hash counts too (16: room for the digits its own count adds).
      const size = size0 + Buffer.byteLength(counted(size0)) + 16;
      if (size > answerBound) return;
      const keys = [...books, responseKey(id), ...response.keys.map(setKey), ...response.keys.map(markKey)];
      await attempt("set", () => client.eval(STORE_SCRIPT, keys.length, ...keys, ...prefixes, id, text, ttl, version, now, size, answerBound, counted(size)));
    },
    async evict(keys) {
      if (keys.length === 0) return;
      const redisKeys = [...books, versionKey, ...keys.map(setKey), ...keys.map(markKey)];
      const done = await attempt("evict", () => client.eval(EVICT_SCRIPT, redisKeys.length, ...redisKeys, ...prefixes, EVICTION_MEMORY_MS));
      if (done === undefined) missedEviction = true;
    },
    async close() {
      client.disconnect();
    },
  };
}
