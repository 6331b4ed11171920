import { describe, expect, it } from "vitest";
import { cacheKeys } from "../src/domain/cache-keys.ts";
import { cacheKeyHeaders } from "../src/platform/http/etag.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";
import { fetchYoga, graphql, yogaWith } from "./support/graphql.ts";
import { subscribe } from "./support/sse.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { cachingServer } from "./support/caching-server.ts";
import { ManualClock } from "./support/clock.ts";

/** Names that HTTP headers refuse, or that would add keys to Surrogate-Key. */
const HOSTILE_NAMES = ["日本", "a\r\nx-injected: 1", "a b", "Sidebar", "side bar x", "\u00e9", "a,b", "a\u0000", "-", "x".repeat(51), ""];

const entryPoints: [string, string, (name: string) => Record<string, unknown>][] = [
  ["featured", "query ($n: String!) { featured(slot: $n) { title } }", (n) => ({ n })],
  ["menu", "query ($n: String!) { menu(location: $n) { name } }", (n) => ({ n })],
  ["setFeatured", "mutation ($n: String!) { setFeatured(slot: $n, items: []) { slot } }", (n) => ({ n })],
  ["setMenu", "mutation ($n: String!) { setMenu(location: $n, items: []) { menu { name } } }", (n) => ({ n })],
];

describe("slot and location names", () => {
  it("are refused with BAD_USER_INPUT wherever they enter: queries and mutations", async () => {
    const editor = await tokenHeaders("editor");
    for (const [field, query, variables] of entryPoints) {
      for (const name of HOSTILE_NAMES) {
        for (const headers of field.startsWith("set") ? [editor] : [{}, editor]) {
          const response = await graphql(query, variables(name), headers);
          const label = `${field}(${JSON.stringify(name)})`;
          expect(response.status, label).toBeLessThan(500);
          expect(response.body.errors?.[0]?.extensions?.code, label).toBe("BAD_USER_INPUT");
        }
      }
    }
  });

  it("are refused in the registered FeaturedWidget operation over GET, as the widget calls it", async () => {
    const server = yogaWith({ TRUSTED_DOCUMENTS: "anonymous" });
    const hash = [...loadTrustedDocuments()].find(([, text]) => text.startsWith("query FeaturedWidget("))![0];
    for (const slot of HOSTILE_NAMES) {
      const variables = encodeURIComponent(JSON.stringify({ slot }));
      const response = await fetchYoga(`/graphql?documentId=sha256:${hash}&variables=${variables}`, { headers: { "x-graphql-csrf": "1" } }, server);
      const text = await response.text();
      expect(response.status, JSON.stringify(slot)).toBeLessThan(500);
      expect(JSON.parse(text).errors[0].extensions.code, JSON.stringify(slot)).toBe("BAD_USER_INPUT");
      expect(response.headers.get("surrogate-key")).toBeNull();
    }
  });

  it("are refused in the featuredChanged subscription", async () => {
    for (const slot of HOSTILE_NAMES) {
      const stream = await subscribe(yogaWith({}), { query: "subscription ($s: String!) { featuredChanged(slot: $s) { title } }", variables: { s: slot } });
      expect((await stream.next()).errors[0].extensions.code, JSON.stringify(slot)).toBe("BAD_USER_INPUT");
      await stream.close();
    }
  });

  it("answers a well-formed name with exactly its one key in Surrogate-Key and xkey", async () => {
    const query = encodeURIComponent('{ featured(slot: "no-such_slot") { title } menu(location: "nowhere") { name } }');
    const response = await fetchYoga(`/graphql?query=${query}`, { headers: { "x-graphql-csrf": "1" } }, cachingServer(new ManualClock()));
    expect(response.status).toBe(200);
    expect(response.headers.get("surrogate-key")?.split(" ")).toEqual(["FeaturedSlot:no-such_slot", "Menu:nowhere"]);
  });

  it("become header-safe cache keys even when a stored name breaks the rule (one key each, no byte a header refuses)", () => {
    for (const name of [...HOSTILE_NAMES, "\ud800", "%41", "x%y"]) {
      for (const key of [cacheKeys.featuredSlot(name), cacheKeys.menu(name)]) {
        expect(key, JSON.stringify(name)).toMatch(/^[\x21-\x7e]+$/);
        expect(() => new Headers(cacheKeyHeaders([key, cacheKeys.site])), JSON.stringify(name)).not.toThrow();
        expect(new Headers(cacheKeyHeaders([key, cacheKeys.site])).get("xkey")!.split(" ")).toHaveLength(2);
      }
    }
    // Distinct names stay distinct keys.
    expect(cacheKeys.featuredSlot("a b")).not.toBe(cacheKeys.featuredSlot("a%20b"));
  });
});
