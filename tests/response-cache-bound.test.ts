import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createLanternYoga, type LanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { ManualClock } from "./support/clock.ts";
import { post } from "./support/caching-server.ts";

const REDIS = "redis://127.0.0.1:6379";
const redis = new Redis(REDIS);
const prefixes: string[] = [];

afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
});

/** Everything Lantern keeps under its prefix, as Redis counts it. */
async function redisBytes(prefix: string): Promise<number> {
  const keys = await redis.keys(`${prefix}*`);
  const sizes = await Promise.all(keys.map((key) => redis.memory("USAGE", key, "SAMPLES", "0")));
  return sizes.reduce<number>((sum, size) => sum + Number(size ?? 0), 0);
}

// A heavy answer (about 30 KB), a different one for each `i`.
const heavy = (i: number) => `{ flood${i}: articles(first: 40) { nodes { title body excerpt } } }`;
const popular = `{ site { title } articles(first: 3) { nodes { title } } }`;

const stores = {
  memory: () => ({ RESPONSE_CACHE_MEMORY_MB: "1" }),
  redis: () => {
    const prefix = `lantern-test-${randomUUID()}:`;
    prefixes.push(prefix);
    return { REDIS_URL: REDIS, REDIS_PREFIX: prefix, RESPONSE_CACHE_REDIS_MB: "1" };
  },
};

function server(env: Record<string, string>): LanternYoga {
  const settings = parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", RESPONSE_CACHE_DEBUG_HEADERS: "true", ...env });
  return createLanternYoga(settings, { clock: new ManualClock() });
}

describe.each(Object.entries(stores))("the %s response store under a flood of unique queries", (_name, settings) => {
  it("keeps a popular answer through 150 unique heavy queries", async () => {
    const yoga = server(settings());
    for (let i = 0; i < 5; i++) await post(yoga, popular);
    expect((await post(yoga, popular)).response.headers.get("x-cache")).toBe("HIT");
    for (let i = 0; i < 150; i++) expect((await post(yoga, heavy(i))).body.errors).toBeUndefined();
    expect((await post(yoga, popular)).response.headers.get("x-cache")).toBe("HIT");
    // A new answer asked for again (more often than those it displaces) is still admitted.
    await post(yoga, heavy(1000));
    await post(yoga, heavy(1000));
    await post(yoga, heavy(1000));
    expect((await post(yoga, heavy(1000))).response.headers.get("x-cache")).toBe("HIT");
  });

  it("does not keep an answer over RESPONSE_CACHE_MAX_ANSWER_KB", async () => {
    const yoga = server({ ...settings(), RESPONSE_CACHE_MAX_ANSWER_KB: "8" });
    await post(yoga, heavy(0));
    expect((await post(yoga, heavy(0))).response.headers.get("x-cache")).toBe("MISS");
    await post(yoga, popular);
    expect((await post(yoga, popular)).response.headers.get("x-cache")).toBe("HIT");
  });
});

describe("the Redis response store", () => {
  it("stays within RESPONSE_CACHE_REDIS_MB, answers and bookkeeping included, however many unique queries", async () => {
    const env = stores.redis();
    const yoga = server(env);
    const bound = 2 ** 20;
    for (let i = 0; i < 150; i++) {
      await post(yoga, heavy(i));
      await post(yoga, heavy(i)); // asked twice: each new one may displace older ones
    }
    const used = await redisBytes(env.REDIS_PREFIX);
    expect(used).toBeLessThanOrEqual(bound);
    expect(used).toBeGreaterThan(bound / 2); // full, not refusing everything
  });
});
