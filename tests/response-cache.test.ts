import { describe, expect, it } from "vitest";
import { sqlStatementCount } from "../src/db/statement-count.ts";
import { db } from "../src/db/client.ts";
import { ManualClock } from "./support/clock.ts";
import { post, cachingServer } from "./support/caching-server.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { cacheSite, cachedOperations, type CacheSite } from "./support/cache-site.ts";

const HOUR = 3_600_000;

describe("response cache", () => {
  it("answers a repeated anonymous query from the cache without SQL", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const query = `{ articles(first: 5) { nodes { title author { displayName } } } }`;
    const first = await post(yoga, query);
    expect(first.response.headers.get("x-cache")).toBe("MISS");
    const before = sqlStatementCount();
    const second = await post(yoga, query);
    expect(second.response.headers.get("x-cache")).toBe("HIT");
    expect(sqlStatementCount()).toBe(before);
    expect(second.body).toEqual(first.body);
  });

  it("an anonymous caller's refused mutation neither evicts nor reads anything for the cache", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const query = `{ articles(first: 5) { nodes { title } } }`;
    await post(yoga, query);
    const { id } = await db().article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const before = sqlStatementCount();
    const refused = await post(yoga, `mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`, {}, { id: encodeGlobalID("Article", id) });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(sqlStatementCount()).toBe(before);
    expect((await post(yoga, query)).response.headers.get("x-cache")).toBe("HIT");
  });

  it("never stores an answer that differs on every call (a form's proof-of-work challenge)", async () => {
    const yoga = cachingServer(new ManualClock());
    const query = `{ formChallenge { challenge salt signature } }`;
    const first = await post(yoga, query);
    const second = await post(yoga, query);
    expect(second.response.headers.get("x-cache")).not.toBe("HIT");
    expect(second.response.headers.get("cache-control")).toBe("private, no-store");
    expect(second.body.data.formChallenge.salt).not.toBe(first.body.data.formChallenge.salt);
  });

  it("knows what every mutation affects: the schema builds only when each has an entry", async () => {
    const { schema } = await import("../src/graphql/schema.ts");
    const { MUTATION_EFFECTS } = await import("../src/changes/mutation-effects.ts");
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(MUTATION_EFFECTS).sort());
  });

  it("never caches an editor's answer nor serves one to an editor", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const site = await cacheSite(clock.now());
    const editor = await tokenHeaders("editor");
    const query = `{ article(slug: "${site.d.slug}") { title status } }`;
    const asEditor = await post(yoga, query, editor);
    expect(asEditor.body.data.article.title).toBe("D");
    expect(asEditor.response.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await post(yoga, query);
    expect(anonymous.response.headers.get("x-cache")).toBe("MISS");
    expect(anonymous.body.data.article).toBeNull();
    const again = await post(yoga, query, editor);
    expect(again.response.headers.get("x-cache")).toBeNull();
    expect(again.body.data.article.title).toBe("D");
  });

  it.each([
    ["an invalid token", { authorization: "Bearer not-a-token" }],
    ["a cookie", { cookie: "session=1" }],
  ])("never stores an answer for, nor serves one to, a request with %s (it reads anonymously)", async (_, credentials) => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const site = await cacheSite(clock.now());
    const { category1 } = cachedOperations(site);
    const first = await post(yoga, category1, credentials);
    expect(first.body.data.category.articleCount).toBe(1);
    expect(first.response.headers.get("x-cache")).toBeNull();
    expect((await post(yoga, category1)).response.headers.get("x-cache")).toBe("MISS");
    expect((await post(yoga, category1)).response.headers.get("x-cache")).toBe("HIT");
    const again = await post(yoga, category1, credentials);
    expect(again.response.headers.get("x-cache")).toBeNull();
    expect(again.body.data.category.articleCount).toBe(1);
  });
});

interface Case {
  mutation: (site: CacheSite) => Promise<{ query: string; variables?: object }>;
  evicted: string[];
  role?: "editor" | "admin";
}

const CASES: Record<string, Case> = {
  "publishArticle (a draft in C1 by A)": {
    mutation: async (s) => ({ query: `mutation { publishArticle(id: "${s.d.globalId}") { article { id } } }` }),
    evicted: ["newest", "category1", "authorA", "sidebar", "draftD"],
  },
  "publishArticle in an hour": {
    mutation: async (s) => ({ query: `mutation($at: DateTime) { publishArticle(id: "${s.d.globalId}", at: $at) { article { id } } }`, variables: { at: new Date(Date.now() + HOUR).toISOString() } }),
    evicted: [],
  },
  "updateArticle X (in C1 by A, in the menu)": {
    mutation: async (s) => ({ query: `mutation { updateArticle(id: "${s.x.globalId}", expectedVersion: ${s.x.version}, input: { title: "X2" }) { article { id } } }` }),
    evicted: ["articleX", "newest", "category1", "authorA", "menu"],
  },
  "unpublishArticle Y (in C2 by B, in the slot)": {
    mutation: async (s) => ({ query: `mutation { unpublishArticle(id: "${s.y.globalId}") { article { id } } }` }),
    evicted: ["newest", "category2", "sidebar", "featured"],
  },
  setFeatured: {
    mutation: async (s) => ({ query: `mutation { setFeatured(slot: "${s.slot}", items: [{ articleId: "${s.x.globalId}" }]) { slot } }` }),
    evicted: ["featured"],
  },
  setMenu: {
    mutation: async (s) => ({ query: `mutation { setMenu(location: "${s.menu}", items: [{ label: "Home", url: "/" }]) { menu { location } } }` }),
    evicted: ["menu"],
  },
  updateSite: {
    mutation: async () => ({ query: `mutation { updateSite(input: { title: "Renamed" }) { site { title } } }` }),
    evicted: ["site"],
    role: "admin",
  },
  updatePage: {
    mutation: async (s) => ({ query: `mutation { updatePage(id: "${s.page.globalId}", input: { title: "Renamed" }) { page { id } } }` }),
    evicted: ["page"],
  },
  "updateCategory C2": {
    mutation: async (s) => ({ query: `mutation { updateCategory(id: "${s.c2.globalId}", input: { name: "Renamed" }) { category { id } } }` }),
    evicted: ["category2", "sidebar"],
  },
  "updateAuthor A": {
    mutation: async (s) => ({ query: `mutation { updateAuthor(id: "${s.a.globalId}", input: { name: "Renamed" }) { author { id } } }` }),
    evicted: ["authorA"],
  },
};

describe("each mutation evicts exactly what it affects", () => {
  for (const [name, { mutation, evicted, role = "editor" }] of Object.entries(CASES)) {
    it(name, async () => {
      const clock = new ManualClock();
      const yoga = cachingServer(clock);
      const site = await cacheSite(clock.now());
      const operations = cachedOperations(site);
      for (const query of Object.values(operations)) await post(yoga, query);
      for (const [op, query] of Object.entries(operations)) expect([op, (await post(yoga, query)).response.headers.get("x-cache")]).toEqual([op, "HIT"]);
      const { query, variables } = await mutation(site);
      const result = await post(yoga, query, await tokenHeaders(role), variables);
      expect(result.body.errors).toBeUndefined();
      const after: Record<string, string> = {};
      for (const [op, query] of Object.entries(operations)) after[op] = (await post(yoga, query)).response.headers.get("x-cache") === "HIT" ? "kept" : "evicted";
      const expected = Object.fromEntries(Object.keys(operations).map((op) => [op, evicted.includes(op) ? "evicted" : "kept"]));
      expect(after).toEqual(expected);
    });
  }
});
