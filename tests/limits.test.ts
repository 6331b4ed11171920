import { describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql, errorCodes, fetchYoga, LEAKS } from "./support/graphql.ts";
import { sqlStatementCount } from "../src/db/statement-count.ts";
import { countStatements } from "./support/statements.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { ARTICLE_PAGE_QUERY } from "../src/http/graphiql/example-queries.ts";

const limits = parseConfig({});

/** Sends the document and reports how many SQL statements answering it took. */
async function measured(query: string, variables?: Record<string, unknown>) {
  const { statements, result } = await countStatements(() => graphql(query, variables));
  return { response: result, statements };
}

async function expectAccepted(query: string, variables?: Record<string, unknown>) {
  const { response, statements } = await measured(query, variables);
  expect(response.body.errors, response.text).toBeUndefined();
  expect(statements).toBeGreaterThan(0);
}

async function expectRejected(code: string, query: string, variables?: Record<string, unknown>) {
  const { response, statements } = await measured(query, variables);
  expect(response.status).toBeLessThan(500);
  expect(response.body.data ?? null).toBeNull();
  expect(errorCodes(response)).toContain(code);
  expect(response.text).not.toMatch(LEAKS);
  expect(statements).toBe(0);
}

const nestedParents = (depth: number) =>
  `{ category(slug: "psychotherapy") ${"{ parent ".repeat(depth - 2)}{ slug }${" }".repeat(depth - 2)} }`;
const aliasedSites = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `s${i}: site { title }`).join(" ")} }`;
const directives = (count: number) => `{ site { ${"title @include(if: true) ".repeat(count)} } }`;
// Aliased `nodes` lists of at most 100 ids: the braces are 2 tokens, `aN: nodes(ids: [` and
// `]) { id }` 12 per alias, and each id one more.
const missingArticle = encodeGlobalID("Article", 999_999);
const tokens = (count: number) => {
  const lists: string[] = [];
  for (let left = count - 2; left > 0; ) {
    const ids = Math.min(100, left - 12);
    lists.push(`a${lists.length}: nodes(ids: [${Array.from({ length: ids }, () => `"${missingArticle}"`).join(" ")}]) { id }`);
    left -= 12 + ids;
  }
  return `{ ${lists.join(" ")} }`;
};
// Each article in the outer page costs 254.1875, so 19 come in under 5000 and 20 do not.
const authorsArticles = (pageArgument: string) =>
  `{ articles${pageArgument} { nodes { author { articles(first: 10) { nodes { id } } } } } }`;

describe("document limits: just under passes, just over is refused before any SQL runs", () => {
  it("defaults suit the demo site's own queries", async () => {
    expect(limits).toMatchObject({ MAX_DEPTH: 10, MAX_ALIASES: 15, MAX_DIRECTIVES: 20, MAX_TOKENS: 1000, MAX_COST: 5000 });
    await expectAccepted(ARTICLE_PAGE_QUERY);
  });

  it("depth", async () => {
    await expectAccepted(nestedParents(limits.MAX_DEPTH));
    await expectRejected("MAX_DEPTH_EXCEEDED", nestedParents(limits.MAX_DEPTH + 1));
  });

  it("aliases", async () => {
    await expectAccepted(aliasedSites(limits.MAX_ALIASES));
    await expectRejected("MAX_ALIASES_EXCEEDED", aliasedSites(limits.MAX_ALIASES + 1));
  });

  it("directives", async () => {
    await expectAccepted(directives(limits.MAX_DIRECTIVES));
    await expectRejected("MAX_DIRECTIVES_EXCEEDED", directives(limits.MAX_DIRECTIVES + 1));
  });

  it("tokens", async () => {
    await expectAccepted(tokens(limits.MAX_TOKENS));
    await expectRejected("MAX_TOKENS_EXCEEDED", tokens(limits.MAX_TOKENS + 1));
  });

  it("cost, weighing each list by its page size", async () => {
    await expectAccepted(authorsArticles("(first: 19)"));
    await expectRejected("MAX_COST_EXCEEDED", authorsArticles("(first: 20)"));
    await expectRejected("MAX_COST_EXCEEDED", authorsArticles("(last: 20)"));
  });

  it("deeply nested introspection (graphql-js's own rule)", async () => {
    await expectAccepted("{ __schema { types { name fields { name type { name } } } } }".replace("{ __schema", "{ site { title } __schema"));
    const nestedTypes = `{ __schema { types { ${"fields { type { ".repeat(4)}name${" } }".repeat(4)} } } }`;
    const { response, statements } = await measured(nestedTypes);
    expect(errorCodes(response)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(statements).toBe(0);
  });

  it("cost counts a list without first/last at the default page size (20)", async () => {
    await expectRejected("MAX_COST_EXCEEDED", authorsArticles(""));
  });

  it("cost counts a page size sent in a variable as the value the request gives it, or its default", async () => {
    const query = authorsArticles("(first: $n)").replace(/^\{/, "query ($n: Int = 20) {");
    await expectAccepted(query, { n: 19 });
    await expectRejected("MAX_COST_EXCEEDED", query, { n: 20 });
    await expectRejected("MAX_COST_EXCEEDED", query);
    await expectAccepted(query.replace("= 20", "= 19"));
    await expectRejected("MAX_COST_EXCEEDED", query, { n: 5000 });
    const both = authorsArticles("(first: $n, last: $m)").replace(/^\{/, "query ($n: Int, $m: Int) {");
    await expectAccepted(both, { n: 100, m: 19 });
  });

  it("cost counts nodes(ids:) like a page of that many items, literal or in a variable", async () => {
    const ids = (count: number) => Array.from({ length: count }, () => missingArticle);
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { author { articles(first: 10) { nodes { id } } } } } }`;
    await expectAccepted(query, { ids: ids(19) });
    await expectRejected("MAX_COST_EXCEEDED", query, { ids: ids(20) });
    await expectRejected("MAX_COST_EXCEEDED", query.replace("$ids)", `[${ids(20).map((id) => `"${id}"`).join(",")}])`).replace("($ids: [ID!]!) ", ""));
  });
});

describe("request limits", () => {
  const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    fetchYoga("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);

  /** A valid request of exactly `size` bytes: a small query and an unused variable as padding. */
  const requestOfSize = (size: number) => {
    const empty = JSON.stringify({ query: "{ site { title } }", variables: { padding: "" } });
    return JSON.stringify({ query: "{ site { title } }", variables: { padding: "x".repeat(size - empty.length) } });
  };

  it("body size", async () => {
    const under = await post(requestOfSize(limits.MAX_BODY_BYTES));
    expect(under.status).toBe(200);
    expect((await under.json()).data.site.title).toBe("Anxiety Relief Project");

    const before = sqlStatementCount();
    const over = await post(requestOfSize(limits.MAX_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect((await over.json()).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(sqlStatementCount()).toBe(before);
  });

  it("body size without a Content-Length (chunked)", async () => {
    const chunks = new TextEncoder().encode(requestOfSize(limits.MAX_BODY_BYTES + 1000));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < chunks.length; offset += 16_384) controller.enqueue(chunks.slice(offset, offset + 16_384));
        controller.close();
      },
    });
    const response = await post(stream);
    expect(response.status).toBe(413);
  });

  it("batched operations", async () => {
    const batch = (count: number) => JSON.stringify(Array.from({ length: count }, () => ({ query: "{ site { title } }" })));
    const under = await post(batch(limits.MAX_BATCH));
    expect(under.status).toBe(200);
    const results = await under.json();
    expect(results).toHaveLength(limits.MAX_BATCH);
    expect(results.every((result: any) => result.data.site.title === "Anxiety Relief Project")).toBe(true);

    const before = sqlStatementCount();
    const over = await post(batch(limits.MAX_BATCH + 1));
    expect(over.status).toBeGreaterThanOrEqual(400);
    expect(over.status).toBeLessThan(500);
    expect((await over.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(sqlStatementCount()).toBe(before);
  });
});
