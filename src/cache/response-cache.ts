import { createHash } from "node:crypto";
import { Counter } from "prom-client";
import type { Config } from "../platform/settings.ts";
import type { Clock } from "../platform/clock.ts";
import { metricsRegistry } from "../platform/metrics-registry.ts";
import { connectRedis } from "../platform/redis.ts";
import { memoryStore, type ResponseStore } from "./store.ts";
import { redisStore } from "./redis-store.ts";
import { SCHEDULE_RECHECK_MS, nextScheduledChange, untilNextRead } from "../read/schedule.ts";
import { keysChangedBetween } from "../changes/scheduled-keys.ts";
import { cdnPurger } from "./cdn-purge.ts";
import { createLogger } from "../platform/logging.ts";

const lookups = new Counter({
  name: "lantern_response_cache_requests_total",
  help: "GraphQL requests by what the response cache did: hit, miss, or bypass (editors, mutations, unusable store)",
  labelNames: ["result"] as const,
  registers: [metricsRegistry],
});

const failures = new Counter({
  name: "lantern_response_cache_store_errors_total",
  help: "Response-cache store operations that failed (Redis unreachable): those requests were served uncached",
  labelNames: ["operation"] as const,
  registers: [metricsRegistry],
});

export interface ResponseCache {
  readonly store: ResponseStore;
  readonly maxAgeSeconds: number;
  readonly clock: Clock;
  /** False with RESPONSE_CACHE_MAX_AGE=0: nothing is looked up nor stored. */
  readonly enabled: boolean;
  /** RESPONSE_CACHE_DEBUG_HEADERS: answers say `X-Cache: HIT` or `MISS`. */
  readonly debugHeaders: boolean;
  count(result: "hit" | "miss" | "bypass"): void;
  /** Evicts `keys` now, and reads the schedule again (a change may have moved its next instant). */
  evict(keys: readonly string[]): Promise<void>;
  /** How long an answer made now may be kept: the max age, cut at the next scheduled change (as last read). */
  ttlMs(now: Date): Promise<number>;
  /** Starts evicting at each scheduled instant (once per instant across instances sharing Redis). */
  startSchedule(): void;
  close(): Promise<void>;
}

export function responseId(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("base64url");
}

/** RESPONSE_CACHE_MAX_ANSWER_KB, for every store: a larger answer is served but not kept. */
function refusingLargerThan(maxAnswerBytes: number, store: ResponseStore): ResponseStore {
  return {
    get: (id, now) => store.get(id, now),
    set: async (id, response, now, version) => {
      if (Buffer.byteLength(response.body) <= maxAnswerBytes) await store.set(id, response, now, version);
    },
    evict: (keys) => store.evict(keys),
    close: () => store.close(),
  };
}

export function createResponseCache(settings: Config, clock: Clock, log: (message: string) => void = createLogger(settings.LOG_LEVEL).warn): ResponseCache {
  let down = false;
  const redisUrl = settings.REDIS_URL;
  const prefix = `${settings.REDIS_PREFIX}cache:`;
  const store = refusingLargerThan(
    settings.RESPONSE_CACHE_MAX_ANSWER_KB * 1024,
    redisUrl
      ? redisStore(
          redisUrl,
          prefix,
          {
            failed(operation, error) {
              failures.inc({ operation });
              if (!down) log(`Response cache: Redis unavailable (${error.message}); serving uncached until it answers again`);
              down = true;
            },
            recovered() {
              down = false;
              log("Response cache: Redis answers again; caching resumed");
            },
          },
          settings.RESPONSE_CACHE_REDIS_MB * 2 ** 20,
        )
      : memoryStore({ maxBytes: settings.RESPONSE_CACHE_MEMORY_MB * 2 ** 20 }),
  );
  const purge = cdnPurger(settings.CDN_PURGE_URL, clock, log);
  const evictEverywhere = async (keys: readonly string[]) => {
    await store.evict(keys);
    purge(keys);
  };
  // Only the instance that claims an instant evicts for it (and purges a CDN).
  const locker = redisUrl ? connectRedis(redisUrl, { purpose: "scheduled evictions", failFast: true }) : undefined;
  const claim = async (instant: number) => {
    if (!locker) return true;
    try {
      return (await locker.set(`${prefix}instant:${instant}`, "1", "PX", 3_600_000, "NX")) === "OK";
    } catch {
      return true; // without Redis nobody can agree: evicting twice is harmless
    }
  };

  let started = false;
  let cancel: (() => void) | undefined;
  let lastTick = clock.now();
  let closed = false;

  let generation = 0;
  // As last read: an unreadable schedule caches nothing until it is read again.
  let nextChange: Promise<Date | undefined> = Promise.resolve(clock.now());
  // While the database does not answer, the schedule is tried again every SCHEDULE_RECHECK_MS, said once.
  let unreadable = false;
  const failed = (what: string, error: unknown) => {
    if (!unreadable) log(`Response cache: could not ${what} (${(error as Error).message}); caching nothing, retrying every ${SCHEDULE_RECHECK_MS} ms`);
    unreadable = true;
  };
  const readSchedule = async (now: Date) => {
    try {
      const next = await nextScheduledChange(now);
      if (unreadable) log("Response cache: the schedule is readable again; caching resumed");
      unreadable = false;
      return { next, wait: untilNextRead(next, now) };
    } catch (error) {
      failed("read the schedule", error);
      return { next: now, wait: SCHEDULE_RECHECK_MS };
    }
  };
  const schedule = async () => {
    const mine = ++generation;
    const reading = readSchedule(clock.now());
    nextChange = reading.then(({ next }) => next);
    const { wait } = await reading;
    // A later call read the schedule after this one: its timer stands.
    if (closed || mine !== generation) return;
    cancel?.();
    cancel = clock.setTimer(wait, () => void tick());
  };

  const tick = async () => {
    const now = clock.now();
    try {
      const { keys, latest } = await keysChangedBetween(lastTick, now);
      lastTick = now;
      if (latest !== undefined && (await claim(latest))) await evictEverywhere(keys);
    } catch (error) {
      failed("evict for scheduled changes", error);
    }
    await schedule();
  };

  return {
    store,
    maxAgeSeconds: settings.RESPONSE_CACHE_MAX_AGE,
    enabled: settings.RESPONSE_CACHE_MAX_AGE > 0,
    debugHeaders: settings.RESPONSE_CACHE_DEBUG_HEADERS,
    clock,
    count: (result) => lookups.inc({ result }),
    async evict(keys) {
      await evictEverywhere(keys);
      if (started) await schedule();
    },
    async ttlMs(now) {
      if (settings.RESPONSE_CACHE_MAX_AGE === 0) return 0;
      const next = await nextChange;
      const max = settings.RESPONSE_CACHE_MAX_AGE * 1000;
      return next ? Math.min(max, next.getTime() - now.getTime()) : max;
    },
    startSchedule() {
      if (started || settings.RESPONSE_CACHE_MAX_AGE === 0) return;
      started = true;
      lastTick = clock.now();
      void schedule();
    },
    async close() {
      closed = true;
      cancel?.();
      locker?.disconnect();
      await store.close();
    },
  };
}
