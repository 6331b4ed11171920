import { describe, expect, it } from "vitest";
import { sqlStatementCount } from "../src/db/statement-count.ts";
import { sitemapDocument } from "../src/http/feeds/sitemap.ts";
import { addArticles } from "./support/bulk-articles.ts";
import { xmlSchemaErrors } from "./support/xml-schemas.ts";

/** Parts this small make an index of the demo site, so the index and its parts can be measured at two sizes. */
const PART_SIZE = 10;
const now = new Date("2030-01-01T00:00:00Z");
const SITE_URL = "http://localhost:4000";

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

async function measured(part: number | null) {
  const before = sqlStatementCount();
  const xml = (await sitemapDocument(SITE_URL, now, part, PART_SIZE))!;
  return { statements: sqlStatementCount() - before, urls: locs(xml).length, xml };
}

async function costs() {
  const index = await measured(null);
  const parts = locs(index.xml).length;
  return { index, parts, first: await measured(1), last: await measured(parts) };
}

describe("the sitemap index and its parts", () => {
  it("cost the same statements and rows at the demo size and with 3,000 more articles, and stay valid", async () => {
    const small = await costs();
    await addArticles(1, 3000, "cost");
    const large = await costs();

    // The index grew by 300 parts (3,000 URLs), from counts alone.
    expect(large.parts).toBe(small.parts + 300);
    for (const measure of ["index", "first", "last"] as const) {
      expect(large[measure].statements, measure).toBe(small[measure].statements);
    }
    expect(large.first.urls).toBe(PART_SIZE);
    expect(large.last.urls).toBe(small.last.urls);
    expect(small.index.statements).toBeLessThanOrEqual(5);

    expect(await xmlSchemaErrors(large.index.xml, "siteindex.xsd")).toEqual([]);
    for (const part of [large.first, large.last, await measured(150)]) expect(await xmlSchemaErrors(part.xml, "sitemap.xsd")).toEqual([]);
    expect(locs((await measured(1)).xml)[0]).toBe("http://localhost:4000/");
  }, 60_000);
});
