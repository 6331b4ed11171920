import { describe, expect, it } from "vitest";
import type { LanternYoga } from "../src/app/yoga.ts";
import { sqlStatementCount } from "../src/db/statement-count.ts";
import { ManualClock } from "./support/clock.ts";
import { postGraphql } from "./support/graphql-client.ts";
import { cachingServer } from "./support/caching-server.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";

// The sitemap and the feed live in the response cache like GraphQL answers: served without SQL
// until a change evicts them (and purges them from a CDN by the same keys).

async function get(yoga: LanternYoga, path: string, headers: Record<string, string> = {}) {
  const response = await yoga.fetch(`http://lantern.test${path}`, { headers });
  return { response, text: await response.text() };
}

describe.each(["/sitemap.xml", "/feed.xml"])("%s in the response cache", (path) => {
  it("is served from the cache, revalidates with its ETag, and is evicted when an article is published", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const draft = await draftArticle();

    const first = await get(yoga, path);
    expect(first.response.status).toBe(200);
    expect(first.text).not.toContain(draft.slug);
    expect(first.response.headers.get("surrogate-key")).toContain("Articles");
    expect(first.response.headers.get("cache-control")).toMatch(/^public, max-age=(\d+)/);

    const before = sqlStatementCount();
    const again = await get(yoga, path);
    expect(sqlStatementCount()).toBe(before);
    expect(again.text).toBe(first.text);
    const etag = first.response.headers.get("etag")!;
    expect((await get(yoga, path, { "if-none-match": etag })).response.status).toBe(304);

    const { body } = await postGraphql(yoga, `mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: draft.globalId }, await tokenHeaders("editor"));
    expect(body.errors).toBeUndefined();

    const after = await get(yoga, path);
    expect(after.text).toContain(draft.slug);
    expect(after.response.headers.get("etag")).not.toBe(etag);
  });
});
