import { randomUUID } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { SCHEDULE_RECHECK_MS } from "../src/read/schedule.ts";
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createLanternYoga, type LanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { createResponseCache } from "../src/cache/response-cache.ts";
import { metricsRegistry } from "../src/platform/metrics-registry.ts";
import { ManualClock } from "./support/clock.ts";
import { postGraphql } from "./support/graphql-client.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { cacheSite, cachedOperations } from "./support/cache-site.ts";

const REDIS = "redis://127.0.0.1:6379";
const prefix = `lantern-test-${randomUUID()}:`;
const redis = new Redis(REDIS);

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

function server(clock: ManualClock, url = REDIS, log: string[] = [], env: Record<string, string> = {}): LanternYoga {
  const settings = parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", RESPONSE_CACHE_DEBUG_HEADERS: "true", REDIS_URL: url, REDIS_PREFIX: prefix, ...env });
  return createLanternYoga(settings, { clock, responseCache: createResponseCache(settings, clock, (line) => log.push(line)) });
}

async function post(yoga: LanternYoga, query: string, headers: Record<string, string> = {}, variables?: object) {
  const { status, response, body } = await postGraphql(yoga, query, variables, headers);
  return { status, cache: response.headers.get("x-cache"), body };
}

async function storeErrors(): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === "lantern_response_cache_store_errors_total");
  return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
}

/** A TCP proxy to Redis that the test can cut and restore: Redis "going away" without touching the shared server. */
async function redisProxy() {
  const sockets = new Set<Socket>();
  let listener: Server | undefined;
  let port = 0;
  const open = async () => {
    listener = createServer((client) => {
      const upstream = connect(6379, "127.0.0.1");
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => { client.destroy(); upstream.destroy(); };
      client.on("error", close).on("close", close);
      upstream.on("error", close).on("close", close);
    });
    await new Promise<void>((resolve) => listener!.listen(port, "127.0.0.1", resolve));
    port = (listener.address() as { port: number }).port;
  };
  await open();
  return {
    url: () => `redis://127.0.0.1:${port}`,
    async cut() {
      await new Promise((resolve) => { listener!.close(resolve); for (const socket of sockets) socket.destroy(); sockets.clear(); });
    },
    restore: open,
  };
}

describe("response cache in Redis", () => {
  it("is shared by instances, and a mutation through one evicts for all", async () => {
    const clock = new ManualClock();
    const [a, b] = [server(clock), server(clock)];
    const site = await cacheSite(clock.now());
    const { category1, category2 } = cachedOperations(site);
    expect((await post(a, category1)).cache).toBe("MISS");
    expect((await post(b, category1)).cache).toBe("HIT");
    expect((await post(b, category2)).cache).toBe("MISS");
    const published = await post(b, `mutation { publishArticle(id: "${site.d.globalId}") { article { id } } }`, await tokenHeaders("editor"));
    expect(published.body.errors).toBeUndefined();
    const after = await post(a, category1);
    expect(after.cache).toBe("MISS");
    expect(after.body.data.category.articleCount).toBe(2);
    expect((await post(a, category2)).cache).toBe("HIT");
  });

  // Several instances are PostgreSQL and Redis (one server per SQLite file): hidden content is
  // cleared for every instance at once (run with DATABASE_URL=postgresql://… for that case).
  it("an article unpublished through one instance is no longer served by another, at once", async () => {
    const clock = new ManualClock();
    const [a, b] = [server(clock), server(clock)];
    const site = await cacheSite(clock.now());
    const { articleX } = cachedOperations(site);
    await post(a, articleX);
    expect((await post(a, articleX)).cache).toBe("HIT");
    const unpublished = await post(b, `mutation { unpublishArticle(id: "${site.x.globalId}") { article { id } } }`, await tokenHeaders("editor"));
    expect(unpublished.body.errors).toBeUndefined();
    const after = await post(a, articleX);
    expect(after.cache).toBe("MISS");
    expect(after.body.data.article).toBeNull();
  });

  it("serves uncached while Redis is unreachable, says so once, and resumes by itself", async () => {
    const proxy = await redisProxy();
    const clock = new ManualClock();
    const log: string[] = [];
    const yoga = server(clock, proxy.url(), log);
    const query = `{ site { title } }`;
    await post(yoga, query);
    await expect.poll(async () => (await post(yoga, query)).cache, { timeout: 5000 }).toBe("HIT");

    await proxy.cut();
    const errorsBefore = await storeErrors();
    for (let i = 0; i < 3; i++) {
      const answer = await post(yoga, query);
      expect(answer.status).toBe(200);
      expect(answer.body.data.site.title).toBeTruthy();
      expect(answer.cache).not.toBe("HIT");
    }
    expect(await storeErrors()).toBeGreaterThan(errorsBefore);
    expect(log.filter((line) => line.includes("unavailable"))).toHaveLength(1);

    await proxy.restore();
    await expect.poll(async () => (await post(yoga, query)).cache, { timeout: 10_000, interval: 200 }).toBe("HIT");
    expect(log.some((line) => line.includes("resumed"))).toBe(true);
    await proxy.cut();
  });

  it("an eviction missed while Redis was unreachable empties the shared cache when it is back", async () => {
    const proxy = await redisProxy();
    const clock = new ManualClock();
    const reader = server(clock);
    const writer = server(clock, proxy.url());
    const site = await cacheSite(clock.now());
    const { category1 } = cachedOperations(site);
    await post(reader, category1);
    expect((await post(reader, category1)).cache).toBe("HIT");
    await post(writer, `{ site { title } }`);
    await proxy.cut();
    await post(writer, `mutation { publishArticle(id: "${site.d.globalId}") { article { id } } }`, await tokenHeaders("editor"));
    await proxy.restore();
    // The writer cannot evict just what it missed: it removes every shared answer once Redis answers.
    await expect.poll(async () => (await post(reader, category1)).body.data.category.articleCount, { timeout: 10_000, interval: 200 }).toBe(2);
    await proxy.cut();
  });
});

describe("scheduled changes with several instances", () => {
  it("are evicted and purged once, by the instance that claims the instant", async () => {
    const purges: string[] = [];
    const cdn = createHttpServer((request, response) => {
      purges.push(String(request.headers.xkey));
      response.end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    const env = { CDN_PURGE_URL: `http://127.0.0.1:${(cdn.address() as { port: number }).port}/` };
    try {
      const start = Date.now();
      const [clockA, clockB] = [new ManualClock(start), new ManualClock(start)];
      const [a, b] = [server(clockA, REDIS, [], env), server(clockB, REDIS, [], env)];
      const site = await cacheSite(clockA.now());
      const at = new Date(start + 10_000);
      await post(a, `mutation($at: DateTime) { publishArticle(id: "${site.d.globalId}", at: $at) { article { id } } }`, await tokenHeaders("editor"), { at: at.toISOString() });
      await post(b, cachedOperations(site).category1);
      await Promise.all([clockA.timerAt(at), clockB.timerAt(at)]);
      // The mutation's own purge (a scheduled article is in no answer yet: only its own key).
      await expect.poll(() => purges).toEqual([`Article:${site.d.id}`]);
      purges.length = 0;
      clockA.advanceTo(at);
      clockB.advanceTo(at);
      await Promise.all([clockA, clockB].map((clock) => clock.timerBy(new Date(at.getTime() + SCHEDULE_RECHECK_MS))));
      await expect.poll(() => purges.length).toBe(1);
      expect(purges[0]!.split(" ")).toContain(`Category:${site.c1.id}:articles`);
      const after = await post(b, cachedOperations(site).category1);
      expect(after.cache).toBe("MISS");
      expect(after.body.data.category.articleCount).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(purges).toHaveLength(1);
    } finally {
      cdn.close();
    }
  });
});
