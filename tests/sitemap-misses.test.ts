import { describe, expect, it } from "vitest";
import { sqlStatementCount } from "../src/db/statement-count.ts";
import type { LanternYoga } from "../src/app/yoga.ts";
import { ManualClock } from "./support/clock.ts";
import { cachingServer } from "./support/caching-server.ts";
import { addArticles } from "./support/bulk-articles.ts";

async function get(yoga: LanternYoga, path: string) {
  const before = sqlStatementCount();
  const response = await yoga.fetch(`http://lantern.test${path}`);
  await response.text();
  return { status: response.status, statements: sqlStatementCount() - before };
}

const ODD_PARTS = ["/sitemap-abc.xml", "/sitemap-0.xml", "/sitemap-99999999999.xml", "/sitemap-01.xml", "/sitemap--1.xml", "/sitemap-1.5.xml"];

/** What each request costs on a fresh server: the first and the repeated request for a part that does not exist, and for the sitemap. */
async function costs() {
  const yoga = cachingServer(new ManualClock());
  const sitemap = [await get(yoga, "/sitemap.xml"), await get(yoga, "/sitemap.xml")];
  const missing = [await get(yoga, "/sitemap-7.xml"), await get(yoga, "/sitemap-7.xml"), await get(yoga, "/sitemap-7.xml?x")];
  const odd = await Promise.all(ODD_PARTS.map((path) => get(yoga, path)));
  return { sitemap, missing, odd };
}

describe("a sitemap part that does not exist", () => {
  it("is answered 404 from counts, then from the cache, at the same cost whatever the site's size", async () => {
    const small = await costs();
    await addArticles(1, 3000);
    const large = await costs();

    for (const { missing, sitemap, odd } of [small, large]) {
      expect(sitemap.map((r) => r.status)).toEqual([200, 200]);
      expect(missing.map((r) => r.status)).toEqual([404, 404, 404]);
      expect(odd.map((r) => r.status)).toEqual(ODD_PARTS.map(() => 404));
      // Repeated, a 404 costs what a cached answer does: nothing.
      expect(missing[1]!.statements).toBe(sitemap[1]!.statements);
      expect(missing[2]!.statements).toBe(sitemap[1]!.statements);
      expect(odd.map((r) => r.statements)).toEqual(ODD_PARTS.map(() => 0));
    }
    // The first 404 costs a few counts, no more on a larger site.
    expect(large.missing[0]!.statements).toBe(small.missing[0]!.statements);
    expect(small.missing[0]!.statements).toBeLessThanOrEqual(5);
  }, 60_000);
});
