import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, fetchYoga, graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { emptyAuthor } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";

// One test per class of defect the outside probe found; each failed before its fix.

let errorLog: MockInstance<typeof console.error>;
beforeEach(() => {
  errorLog = vi.spyOn(console, "error");
});
afterEach(() => {
  expect(errorLog.mock.calls.map(String)).toEqual([]);
  errorLog.mockRestore();
});

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const base64 = (text: string) => Buffer.from(text).toString("base64");

describe("bad input is the caller's error, never a crash", () => {
  it.each([
    ["page(slug:)", "query ($v: String!) { page(slug: $v) { id } }", (v: string) => ({ v })],
    ["author(slug:)", "query ($v: String!) { author(slug: $v) { id } }", (v: string) => ({ v })],
    ["resolveUri(uri:)", "query ($v: String!) { resolveUri(uri: $v) { __typename } }", (v: string) => ({ v })],
    ["where.search", "query ($v: String!) { articles(where: { search: $v }) { nodes { id } } }", (v: string) => ({ v })],
    ["where.authorSlug", "query ($v: String!) { articles(where: { authorSlug: $v }) { nodes { id } } }", (v: string) => ({ v })],
    ["a variable's name", "{ site { title } }", (v: string) => ({ [v]: 1 })],
  ])("a lone UTF-16 surrogate or a NUL character in %s is BAD_USER_INPUT", async (_where, query, variables) => {
    for (const text of ["\udfff", "a\ud800", "\ud83d", "nul\u0000"]) {
      const response = await graphql(query, variables(text));
      expect(response.status).toBe(200);
      expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("a NUL character in a string literal is BAD_USER_INPUT (PostgreSQL stores no NUL in text)", async () => {
    expect(errorCodes(await graphql(`{ article(slug: "a\\u0000b") { id } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("global ids named after built-in properties are ids of nothing", async () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
    for (const name of names) {
      const one = await graphql("query ($id: ID!) { node(id: $id) { id } }", { id: base64(`${name}:1`) });
      expect(one.body).toEqual({ data: { node: null } });
    }
    const author = encodeGlobalID("Author", 1);
    const many = await graphql("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [author, ...names.map((name) => base64(`${name}:1`))] });
    expect(many.body).toEqual({ data: { nodes: [{ id: author }, null, null, null, null, null] } });
  });

  it.each(["variables", "extensions"])("GET with malformed %s JSON is a 400", async (name) => {
    for (const text of ["{bad", "[", "nul", '{"a":']) {
      const params = new URLSearchParams({ query: "{ site { title } }", [name]: text });
      const response = await fetchYoga(`/graphql?${params}`, { headers: { "x-graphql-csrf": "1" } });
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    }
  });

  it("recursive input nested a thousand levels deep is refused before it is read, for anyone", async () => {
    const item = (level: number): string => (level === 0 ? '{"label":"x","url":"/"}' : `{"label":"x","url":"/","children":[${item(level - 1)}]}`);
    const body = `{"query":"mutation ($items: [MenuItemInput!]!) { setMenu(location: \\"primary\\", items: $items) { menu { name } } }","variables":{"items":[${item(1500)}]}}`;
    for (const headers of [{}, editor]) {
      const response = await fetchYoga("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const answer = await response.json();
      expect(response.status).toBe(200);
      expect(answer.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(["BAD_USER_INPUT"]);
    }
    const literal = `mutation { setMenu(location: "primary", items: [${"{ label: \"x\", url: \"/\", children: [".repeat(40)}{ label: "x", url: "/" }${"] }".repeat(40)}]) { menu { name } } }`;
    expect(errorCodes(await graphql(literal, undefined, editor))).toContain("BAD_USER_INPUT");
  });

  it("a malformed JSON body is a 400 that does not repeat the parser's words", async () => {
    for (const accept of [undefined, "application/json", "application/graphql-response+json"]) {
      const response = await fetchYoga("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
        body: '{"query": "{ site { title } }",',
      });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(text).not.toMatch(/originalError|SyntaxError|position/);
    }
  });

  it("each operation of a batch must be an object", async () => {
    const response = await fetchYoga("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([null, { query: "{ site { title } }" }]),
    });
    expect(await response.text()).not.toContain("INTERNAL_SERVER_ERROR");
  });
});

describe("a small request cannot ask for a large answer", () => {
  it("nodes(ids:) takes at most 100 ids", async () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => encodeGlobalID("Article", i + 1));
    expect((await graphql("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ids(100) })).body.errors).toBeUndefined();
    expect(errorCodes(await graphql("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ids(101) }))).toEqual(["BAD_USER_INPUT"]);
  });

  it.each([
    "articles(first: $n) { totalCount }",
    "authors(first: $n) { totalCount }",
    "categories(first: $n) { totalCount }",
    'author(slug: "arp-staff") { articles(first: $n) { totalCount } }',
    'category(slug: "psychotherapy") { articles(first: $n) { totalCount } }',
    'featured(slot: "sidebar", first: $n) { title }',
  ])("%s refuses a page over 100 even when only totalCount is asked for", async (field) => {
    for (const n of [101, 2147483647]) {
      expect(errorCodes(await graphql(`query ($n: Int) { ${field} }`, { n }))).toEqual(["BAD_USER_INPUT"]);
    }
    expect((await graphql(`query ($n: Int) { ${field} }`, { n: 100 })).body.errors).toBeUndefined();
  });
});

describe("what is stored is what is safe to serve", () => {
  it("URLs are stored normalized, and only http(s) ones", async () => {
    const author = await emptyAuthor();
    const update = (input: Record<string, unknown>) =>
      graphql(`mutation ($id: ID!, $input: UpdateAuthorInput!) { updateAuthor(id: $id, input: $input) { author { websiteUrl avatarUrl } } }`, { id: author.globalId, input }, editor);
    const saved = await update({ websiteUrl: 'https://OK.example/"><script>alert(1)</script> x', avatarUrl: "https://ok.example/a b.png" });
    expect(saved.body.data.updateAuthor.author).toEqual({
      websiteUrl: "https://ok.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E%20x",
      avatarUrl: "https://ok.example/a%20b.png",
    });
    expect((await db().author.findUniqueOrThrow({ where: { id: author.id } })).websiteUrl).toBe(saved.body.data.updateAuthor.author.websiteUrl);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "ftp://x.example/"]) {
      expect(errorCodes(await update({ websiteUrl: bad }))).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("menu links stay on the site or are absolute http(s) URLs", async () => {
    const setMenu = (url: string) =>
      graphql(`mutation ($items: [MenuItemInput!]!) { setMenu(location: "probe", items: $items) { menu { items { url } } } }`, { items: [{ label: "x", url }] }, editor);
    expect((await setMenu('/about/"><b>')).body.data.setMenu.menu.items[0].url).toBe("/about/%22%3E%3Cb%3E");
    for (const bad of ["//evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      expect(errorCodes(await setMenu(bad)), bad).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("search treats % and _ as text, not wildcards", async () => {
    const search = async (term: string) =>
      (await graphql(`query ($s: String!) { articles(first: 100, where: { search: $s }) { totalCount } }`, { s: term })).body.data.articles.totalCount;
    const all = (await graphql(`{ articles { totalCount } }`)).body.data.articles.totalCount;
    expect(all).toBeGreaterThan(10);
    for (const wildcard of ["%", "_", "%%", "___", "% _"]) expect(await search(wildcard), wildcard).toBe(0);
    expect(await search("therapeutic%relationship")).toBe(await search("therapeutic relationship"));
    expect(errorCodes(await graphql(`query ($s: String!) { articles(where: { search: $s }) { totalCount } }`, { s: "x".repeat(201) }))).toEqual(["BAD_USER_INPUT"]);
  });
});
