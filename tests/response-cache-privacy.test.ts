import { describe, expect, it } from "vitest";
import { createLanternYoga, type LanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { ManualClock } from "./support/clock.ts";

// A cached answer must not tell one client what another asked: by default nothing in an answer
// (headers, max-age, 304 or not) differs between the first request for a search and a repeat.
function server(clock: ManualClock, env: Record<string, string> = {}): LanternYoga {
  return createLanternYoga(parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", ...env }), { clock });
}

const search = (term: string) => `http://lantern.test/graphql?query=${encodeURIComponent(`{ articles(first: 3, where: { search: "${term}" }) { nodes { title } } }`)}`;

async function answer(yoga: LanternYoga, url: string, headers: Record<string, string> = {}) {
  const response = await yoga.fetch(url, { headers: { "x-graphql-csrf": "1", ...headers } });
  const { date: _date, ...rest } = Object.fromEntries(response.headers);
  return { status: response.status, headers: rest, body: await response.text() };
}

describe("cache state on public answers", () => {
  it("a search another client made looks the same as one nobody made (headers, max-age, 304)", async () => {
    const clock = new ManualClock();
    const yoga = server(clock);
    const asked = search("health");
    const first = await answer(yoga, asked); // client A
    clock.advanceTo(new Date(clock.now().getTime() + 120_000));
    const repeat = await answer(yoga, asked); // client B: served from the cache
    const fresh = await answer(yoga, search("nutrition")); // nobody asked this before
    expect(repeat.headers["x-cache"]).toBeUndefined();
    expect(Object.keys(repeat.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(repeat.headers["cache-control"]).toBe(fresh.headers["cache-control"]);
    expect(repeat.body).toBe(first.body);

    // Knowing the ETag of the expected answer gives a 304 whether or not someone asked before.
    const etag = first.headers.etag!;
    expect((await answer(yoga, asked, { "if-none-match": etag })).status).toBe(304);
    const unasked = search("sleep");
    const probe = await answer(server(new ManualClock()), unasked);
    expect((await answer(yoga, unasked, { "if-none-match": probe.headers.etag! })).status).toBe(304);
  });

  it("says X-Cache only with RESPONSE_CACHE_DEBUG_HEADERS", async () => {
    const yoga = server(new ManualClock(), { RESPONSE_CACHE_DEBUG_HEADERS: "true" });
    expect((await answer(yoga, search("health"))).headers["x-cache"]).toBe("MISS");
    expect((await answer(yoga, search("health"))).headers["x-cache"]).toBe("HIT");
  });
});
