import { describe, expect, it } from "vitest";
import { fetchYoga, yogaWith } from "./support/graphql.ts";
import { parseConfig, ConfigError } from "../src/platform/settings.ts";

const html = { accept: "text/html" };

async function page(server = yogaWith({})) {
  // Uncompressed, to read it (the HTML is compressed like any answer over 1 KiB when a client asks).
  const response = await fetchYoga("/graphiql", { headers: { ...html, "accept-encoding": "identity" } }, server);
  const text = await response.text();
  const assets = [...text.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((match) => match[1]!);
  return { response, text, assets };
}

describe("GraphiQL's page and assets", () => {
  it("is where a browser opening /graphql is sent", async () => {
    const response = await fetchYoga("/graphql", { headers: html });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/graphiql");
  });

  it("is a small page, revalidated on every load, that loads fingerprinted assets", async () => {
    const { response, text, assets } = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(text.length).toBeLessThan(4000);
    expect(assets.map((path) => path.replace(/\.[0-9a-f]{16}\./, ".*."))).toEqual([
      "/graphiql/assets/graphiql.*.css",
      "/graphiql/assets/react.*.js",
      "/graphiql/assets/react-dom.*.js",
      "/graphiql/assets/graphiql.*.js",
    ]);
    const etag = response.headers.get("etag")!;
    const again = await fetchYoga("/graphiql", { headers: { ...html, "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // A browser given the compressed page sends that variant's tag back.
    const compressed = await fetchYoga("/graphiql", { headers: { ...html, "accept-encoding": "br" } });
    expect(compressed.headers.get("content-encoding")).toBe("br");
    const revalidated = await fetchYoga("/graphiql", { headers: { ...html, "accept-encoding": "br", "if-none-match": compressed.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
  });

  it("serves the assets compressed and cached for a year: under 1 MB in all", async () => {
    const { text, assets } = await page();
    let transferred = text.length;
    for (const path of assets) {
      const response = await fetchYoga(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-encoding")).toBe("br");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("vary")).toBe("accept-encoding");
      const body = new Uint8Array(await response.arrayBuffer());
      expect(Number(response.headers.get("content-length"))).toBe(body.length);
      transferred += body.length;
      const revalidated = await fetchYoga(path, { headers: { "if-none-match": response.headers.get("etag")! } });
      expect(revalidated.status).toBe(304);
    }
    console.log(`GraphiQL first load: ${transferred} bytes (page and ${assets.length} assets, brotli)`);
    expect(transferred).toBeLessThan(1_000_000);
  });

  it("falls back to gzip, then to no compression", async () => {
    const { assets } = await page();
    const script = assets.find((path) => path.endsWith(".js"))!;
    const gzipped = await fetchYoga(script, { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const plain = await fetchYoga(script, { headers: { "accept-encoding": "br;q=0, identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect((await plain.text()).length).toBe(Number(plain.headers.get("content-length")));
  });

  it("answers 404 for an unknown or stale asset", async () => {
    expect((await fetchYoga("/graphiql/assets/graphiql.0000000000000000.js")).status).toBe(404);
  });

  it("is not offered without introspection, nor in production", async () => {
    for (const settings of [{ NODE_ENV: "production" }, { INTROSPECTION: "false" }] as Record<string, string>[]) {
      const server = yogaWith(settings);
      const { text } = await page(server);
      expect(text).not.toContain("GraphiQL");
      const { assets } = await page();
      expect((await fetchYoga(assets[0]!, {}, server)).status).toBe(404);
      expect(await (await fetchYoga("/", {}, server)).text()).not.toContain("GraphiQL");
    }
  });

  it("refuses GRAPHIQL=true with INTROSPECTION=false in one line", () => {
    expect(() => parseConfig({ GRAPHIQL: "true", INTROSPECTION: "false" })).toThrow(ConfigError);
    expect(() => parseConfig({ GRAPHIQL: "true", INTROSPECTION: "false" })).toThrow(/GRAPHIQL needs INTROSPECTION/);
  });
});

describe("GET /", () => {
  it("links GraphiQL, the health endpoints and the API's documentation", async () => {
    const response = await fetchYoga("/");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const text = await response.text();
    for (const link of ["/graphiql", "/health", "/ready", "/docs/api"]) expect(text).toContain(`href="${link}"`);
    expect(text.length).toBeLessThan(2000);
  });
});

describe("GET /docs/api", () => {
  it("is docs/api.md as HTML", async () => {
    const response = await fetchYoga("/docs/api");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const docs = await response.text();
    expect(docs.startsWith("<!doctype html>")).toBe(true);
    expect(docs).toContain('<h1 id="the-api">The API</h1>');
    expect(docs).toContain('<h2 id="conventions">Conventions</h2>');
    expect(docs).toContain('<a href="#conventions">Conventions</a>');
    expect(docs).toContain('<pre><code class="language-graphql">{\n  article(slug: &#34;the-therapeutic-relationship&#34;)');
    // Only the API: editing is another page, and no Markdown is left unrendered.
    expect(docs).not.toContain("Editors manage all content");
    expect(docs).not.toMatch(/^#+ /m);
    expect(docs).not.toContain("<script");
    expect((await fetchYoga("/docs/api", { method: "HEAD" })).headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("is revalidated like every file served here: an ETag, 304 for it or its compressed variant's, compressed by Accept-Encoding", async () => {
    const plain = await fetchYoga("/docs/api", { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("cache-control")).toBe("no-cache");
    expect(plain.headers.get("vary")).toBe("accept-encoding");
    expect(Number(plain.headers.get("content-length"))).toBe(Buffer.byteLength(await plain.text()));
    const etag = plain.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const gzipped = await fetchYoga("/docs/api", { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("etag")).toBe(etag.replace(/"$/, '-gzip"'));
    for (const tag of [etag, gzipped.headers.get("etag")!]) {
      const again = await fetchYoga("/docs/api", { headers: { "if-none-match": tag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    }
  });
});
