import { beforeAll, describe, expect, it } from "vitest";
import { fetchYoga } from "./support/graphql.ts";
import { xmlSchemaErrors } from "./support/xml-schemas.ts";
import { db } from "../src/db/client.ts";
import { SITEMAP_MAX_URLS } from "../src/http/feeds/sitemap.ts";
import { onPostgres } from "./support/database.ts";

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

async function fetchText(path: string) {
  const response = await fetchYoga(path);
  return { status: response.status, text: await response.text() };
}

describe("a site past 50,000 URLs", () => {
  beforeAll(async () => {
    // Enough published articles (and one more draft) to push the sitemap past the protocol's limit.
    const author = await db().author.findFirstOrThrow({ orderBy: { id: "asc" } });
    // Instants written in each database's canonical form (2020-01-01 plus n seconds), 1,000 rows a
    // statement: each row's count trigger updates its author, which PostgreSQL slows down
    // quadratically within one statement.
    const insert = (from: number, to: number) =>
      onPostgres
        ? `INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "authorId", "updatedAt")
           SELECT 'bulk-' || i, 'Bulk ' || i, '<p>x</p>', 'x', 1, 'PUBLISHED', to_timestamp(1577836800 + i), $1, to_timestamp(1577836800 + i)
           FROM generate_series(${from}, ${to}) AS i`
        : `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to})
           INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "authorId", "updatedAt")
           SELECT 'bulk-' || i, 'Bulk ' || i, '<p>x</p>', 'x', 1, 'PUBLISHED',
                  strftime('%Y-%m-%dT%H:%M:%f+00:00', 1577836800 + i, 'unixepoch'), ?,
                  strftime('%Y-%m-%dT%H:%M:%f+00:00', 1577836800 + i, 'unixepoch')
           FROM n`;
    for (let from = 1; from <= SITEMAP_MAX_URLS; from += 1000) {
      await db().$executeRawUnsafe(insert(from, Math.min(from + 999, SITEMAP_MAX_URLS)), author.id);
    }
    await db().article.create({
      data: { slug: "bulk-canary-draft", title: "Draft", body: "<p>x</p>", bodyText: "x", wordCount: 1, authorId: author.id },
    });
  }, 120_000);

  it("turns /sitemap.xml into a valid index of valid parts of at most 50,000 URLs, without drafts", async () => {
    const index = await fetchText("/sitemap.xml");
    expect(index.status).toBe(200);
    expect(index.text).toContain("<sitemapindex");
    expect(await xmlSchemaErrors(index.text, "siteindex.xsd")).toEqual([]);
    expect(locs(index.text)).toEqual(["http://localhost:4000/sitemap-1.xml", "http://localhost:4000/sitemap-2.xml"]);

    const seen = new Set<string>();
    for (const part of ["/sitemap-1.xml", "/sitemap-2.xml"]) {
      const sitemap = await fetchText(part);
      expect(sitemap.status).toBe(200);
      expect(await xmlSchemaErrors(sitemap.text, "sitemap.xsd")).toEqual([]);
      const urls = locs(sitemap.text);
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
      for (const url of urls) seen.add(url);
      expect(sitemap.text).not.toMatch(/canary/i);
    }
    expect(locs((await fetchText("/sitemap-1.xml")).text)).toHaveLength(SITEMAP_MAX_URLS);
    expect(seen.size).toBeGreaterThan(SITEMAP_MAX_URLS);
    expect(seen).toContain("http://localhost:4000/bulk-50000/");
    expect((await fetchText("/sitemap-3.xml")).status).toBe(404);
    expect((await fetchText("/sitemap-0.xml")).status).toBe(404);
  });
});
