import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fetchYoga } from "./support/graphql.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";

const SIZE_LIMIT = 5 * 1024;

describe("/widget/featured.js", async () => {
  const response = await fetchYoga("/widget/featured.js");
  const script = await response.text();

  it(`is under ${SIZE_LIMIT} bytes gzipped`, () => {
    const size = gzipSync(script, { level: 9 }).length;
    console.log(`widget: ${script.length} bytes, ${size} gzipped`);
    expect(size).toBeLessThan(SIZE_LIMIT);
  });

  it("calls the registered operations by hash", () => {
    const registry = loadTrustedDocuments();
    const hashes = [...script.matchAll(/"([0-9a-f]{64})"/g)].map((match) => match[1]!);
    expect(hashes).toHaveLength(2);
    expect(hashes.map((hash) => registry.get(hash)?.split("(")[0])).toEqual(["query FeaturedWidget", "subscription FeaturedWidgetChanged"]);
    expect(script).not.toContain("%FEATURED");
  });

  it("has no eval, no markup from strings and no inline styles", () => {
    for (const forbidden of [/\beval\s*\(/, /new Function/, /innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /\.style\b/, /setAttribute\(\s*["']style/, /["']on\w+["']/]) {
      expect(script).not.toMatch(forbidden);
    }
    expect(script).toMatch(/\.textContent = /);
  });

  it("is served to any origin, cacheable, with an ETag that answers 304", async () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = response.headers.get("etag")!;
    const again = await fetchYoga("/widget/featured.js", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("/widget/demo", () => {
  it("is served with a strict Content-Security-Policy, and loads only its own files", async () => {
    const response = await fetchYoga("/widget/demo");
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    const html = await response.text();
    expect(html).toContain('<script src="/widget/featured.js" defer></script>');
    expect(html).toContain('<lantern-featured slot-name="sidebar"');
    expect(html).not.toMatch(/<style|style=|<script>/);
    expect((await fetchYoga("/widget/demo.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("keeps the demo stylesheet in step with the widget's reserved height", () => {
    const defaultHeight = /--lantern-featured-item-height,([\d.]+em)/.exec(readFileSync("src/http/widget/featured.js", "utf8"))![1];
    expect(readFileSync("src/http/widget/demo.css", "utf8")).toContain(`lantern-featured:not(:defined) { display: block; block-size: ${defaultHeight}; }`);
  });
});
