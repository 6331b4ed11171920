import type { Redis } from "ioredis";
import { connectRedis } from "../platform/redis.ts";

/**
 * State the abuse checks share between requests: counters per time window and keys that may
 * be used once. In Redis when REDIS_URL is set, so every instance sees the same counts;
 * otherwise in this process' memory. Windows and expiry come from the caller's clock.
 */
export interface SharedStore {
  /** Adds one to `key` and returns the new count; the count is forgotten after `ttlMs`. */
  increment(key: string, ttlMs: number, now: Date): Promise<number>;
  /** True the first time `key` is claimed until it expires after `ttlMs`, false afterwards. */
  claimOnce(key: string, ttlMs: number, now: Date): Promise<boolean>;
  close(): Promise<void>;
}

export class MemoryStore implements SharedStore {
  private readonly counts = new Map<string, { count: number; expiresAt: number }>();
  private readonly claimed = new Map<string, number>();

  async increment(key: string, ttlMs: number, at: Date): Promise<number> {
    const now = at.getTime();
    this.prune(now);
    const entry = this.counts.get(key);
    if (entry && entry.expiresAt > now) {
      entry.count += 1;
      return entry.count;
    }
    this.counts.set(key, { count: 1, expiresAt: now + ttlMs });
    return 1;
  }

  async claimOnce(key: string, ttlMs: number, now: Date): Promise<boolean> {
    this.prune(now.getTime());
    const expiresAt = this.claimed.get(key);
    if (expiresAt !== undefined && expiresAt > now.getTime()) return false;
    this.claimed.set(key, now.getTime() + ttlMs);
    return true;
  }

  async close(): Promise<void> {}

  private lastPrune = 0;

  /** Drops expired entries, at most once a minute, so memory stays bounded by live windows. */
  private prune(now: number): void {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    for (const [key, entry] of this.counts) if (entry.expiresAt <= now) this.counts.delete(key);
    for (const [key, expiresAt] of this.claimed) if (expiresAt <= now) this.claimed.delete(key);
  }
}

export class RedisStore implements SharedStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix: string, log: (message: string) => void = console.warn) {
    this.redis = connectRedis(url, { purpose: "form rate limits", log });
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const fullKey = this.prefix + key;
    const [[, count]] = (await this.redis.multi().incr(fullKey).pexpire(fullKey, ttlMs, "NX").exec()) as [[unknown, number]];
    return count;
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, "1", "PX", Math.max(1, ttlMs), "NX")) === "OK";
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
