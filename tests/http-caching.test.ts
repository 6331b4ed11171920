import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createLanternYoga, type LanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";
import { COMPRESS_FROM_BYTES } from "../src/platform/http/compression.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";

const documents = loadTrustedDocuments();
const hashOf = (name: string) => [...documents.entries()].find(([, text]) => text.includes(`query ${name}(`))![0];

function server(): LanternYoga {
  return createLanternYoga(parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", TRUSTED_DOCUMENTS: "anonymous" }), { clock: new ManualClock() });
}

function persistedGet(yoga: LanternYoga, name: string, variables: object, headers: Record<string, string> = {}) {
  const url = `http://lantern.test/graphql?documentId=sha256:${hashOf(name)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  return yoga.fetch(url, { headers: { "x-graphql-csrf": "1", ...headers } });
}

describe("HTTP caching of persisted operations over GET", () => {
  it("answers public Cache-Control, an ETag and the entity keys, then 304 for that ETag", async () => {
    const yoga = server();
    const first = await persistedGet(yoga, "ArticlePage", {});
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("surrogate-key")).toMatch(/(^| )Article:\d+( |$)/);
    expect(first.headers.get("xkey")).toBe(first.headers.get("surrogate-key"));
    const body = await first.text();

    const again = await persistedGet(yoga, "ArticlePage", {}, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await persistedGet(yoga, "ArticlePage", {}, { "if-none-match": '"something-else"' });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);
  });

  it("answers POST and editors' requests private, no-store", async () => {
    const yoga = server();
    const post = await yoga.fetch("http://lantern.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: hashOf("Menu"), variables: {} }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get("cache-control")).toBe("private, no-store");
    const editor = await persistedGet(yoga, "Menu", {}, await tokenHeaders("editor"));
    expect(editor.status).toBe(200);
    expect(editor.headers.get("cache-control")).toBe("private, no-store");
    expect(editor.headers.get("surrogate-key")).toBeNull();
  });

  it("compresses with br or gzip by Accept-Encoding above a small size, and not below it", async () => {
    const yoga = server();
    const plain = await persistedGet(yoga, "ArticlePage", {}, { "accept-encoding": "identity" });
    const text = await plain.text();
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(text.length).toBeGreaterThan(COMPRESS_FROM_BYTES);

    const br = await persistedGet(yoga, "ArticlePage", {}, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);

    const gzip = await persistedGet(yoga, "ArticlePage", {}, { "accept-encoding": "gzip;q=1, br;q=0.5" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    const gzipBody = Buffer.from(await gzip.arrayBuffer());
    expect(gzipBody.length).toBeLessThan(text.length / 2);
    expect(gunzipSync(gzipBody).toString()).toBe(text);
    // The compressed variant's ETag gets a 304 too.
    expect((await persistedGet(yoga, "ArticlePage", {}, { "accept-encoding": "gzip", "if-none-match": gzip.headers.get("etag")! })).status).toBe(304);

    // A POST with no encoding accepted is sent as it is, still saying that it varies by Accept-Encoding.
    const posted = await yoga.fetch("http://lantern.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
      body: JSON.stringify({ documentId: `sha256:${hashOf("ArticlePage")}` }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get("content-encoding")).toBeNull();
    expect(posted.headers.get("vary")).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(await posted.text())).toEqual(JSON.parse(text));

    const small = await persistedGet(yoga, "Menu", { location: "no-such-menu" }, { "accept-encoding": "br, gzip" });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(JSON.parse(await small.text())).toEqual({ data: { menu: null } });
  });
});
