import { describe, expect, it } from "vitest";
import type { LanternYoga } from "../src/app/yoga.ts";
import { SCHEDULE_RECHECK_MS } from "../src/read/schedule.ts";
import { ManualClock } from "./support/clock.ts";
import { post, cachingServer } from "./support/caching-server.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { cacheSite, cachedOperations } from "./support/cache-site.ts";

async function get(yoga: LanternYoga, query: string) {
  const response = await yoga.fetch(`http://lantern.test/graphql?query=${encodeURIComponent(query)}`, { headers: { "x-graphql-csrf": "1" } });
  return { response, body: await response.json() };
}

const maxAge = (response: Response) => Number(/max-age=(\d+)/.exec(response.headers.get("cache-control") ?? "")?.[1]);

describe("time is a change", () => {
  it("a scheduled article going live evicts its lists at that instant, with no request", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const site = await cacheSite(clock.now());
    const operations = cachedOperations(site);
    const at = new Date(clock.now().getTime() + 10_000);
    const editor = await tokenHeaders("editor");
    await post(yoga, `mutation($at: DateTime) { publishArticle(id: "${site.d.globalId}", at: $at) { article { id } } }`, editor, { at: at.toISOString() });

    const before = await get(yoga, operations.category1);
    expect(before.body.data.category.articleCount).toBe(1);
    expect(maxAge(before.response)).toBeLessThanOrEqual(10);
    expect((await get(yoga, operations.category1)).response.headers.get("x-cache")).toBe("HIT");
    expect((await post(yoga, operations.category2)).response.headers.get("x-cache")).toBe("MISS");

    await clock.timerAt(at);
    clock.advanceTo(at);
    // The eviction has run once the schedule is set again (for the next recheck).
    await clock.timerAt(new Date(at.getTime() + SCHEDULE_RECHECK_MS));
    const after = await post(yoga, operations.category1);
    expect(after.response.headers.get("x-cache")).toBe("MISS");
    expect(after.body.data.category.articleCount).toBe(2);
    // Cached before the instant, it was kept no longer than until then.
    expect((await post(yoga, operations.category2)).response.headers.get("x-cache")).toBe("MISS");
  });

  it("a featured window opening and closing evicts the slot at each instant", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const site = await cacheSite(clock.now());
    const { featured } = cachedOperations(site);
    const opens = new Date(clock.now().getTime() + 5_000);
    const closes = new Date(clock.now().getTime() + 20_000);
    await post(yoga, `mutation($s: DateTime, $e: DateTime) { setFeatured(slot: "${site.slot}", items: [{ articleId: "${site.x.globalId}", startsAt: $s, endsAt: $e }]) { slot } }`,
      await tokenHeaders("editor"), { s: opens.toISOString(), e: closes.toISOString() });

    const titles = async () => {
      const { response, body } = await post(yoga, featured);
      return [response.headers.get("x-cache"), body.data.featured.map((item: { title: string }) => item.title)];
    };
    expect(await titles()).toEqual(["MISS", []]);
    expect(await titles()).toEqual(["HIT", []]);
    // (Other tests' schedules in this database may add instants of their own before these.)
    await clock.timerBy(opens);
    clock.advanceTo(opens);
    await clock.timerBy(closes);
    expect(await titles()).toEqual(["MISS", ["X"]]);
    expect(await titles()).toEqual(["HIT", ["X"]]);
    clock.advanceTo(closes);
    await clock.timerBy(new Date(closes.getTime() + SCHEDULE_RECHECK_MS));
    expect(await titles()).toEqual(["MISS", []]);
  });
});
