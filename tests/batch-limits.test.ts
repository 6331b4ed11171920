import { describe, expect, it } from "vitest";
import { fetchYoga, LEAKS, yogaWith } from "./support/graphql.ts";
import { countStatements } from "./support/statements.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";

const limits = parseConfig({});

/** Sends a batch and reports the answer and how many SQL statements it took. */
async function batch(operations: object[], server = undefined as ReturnType<typeof yogaWith> | undefined) {
  const { statements, result } = await countStatements(async () => {
    const response = await fetchYoga(
      "/graphql",
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(operations) },
      server,
    );
    return { status: response.status, text: await response.text() };
  });
  return { ...result, body: JSON.parse(result.text), statements };
}

async function expectRefused(code: string, operations: object[], server?: ReturnType<typeof yogaWith>) {
  const answer = await batch(operations, server);
  expect(answer.status).toBe(400);
  expect(answer.body.errors?.map((error: any) => error.extensions.code), answer.text).toEqual([code]);
  expect(answer.text).not.toMatch(LEAKS);
  expect(answer.statements).toBe(0);
}

async function expectAnswered(operations: object[], server?: ReturnType<typeof yogaWith>) {
  const answer = await batch(operations, server);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body).toHaveLength(operations.length);
  for (const result of answer.body) expect(result.errors, answer.text).toBeUndefined();
}

const times = <T>(count: number, item: T) => Array.from({ length: count }, () => item);
// 254.1875 per outer article (tests/limits.test.ts): 10 of them cost 2541.875, under 5000 alone.
const heavy = { query: `{ articles(first: 10) { nodes { author { articles(first: 10) { nodes { id } } } } } }` };
const aliased = (count: number) => ({ query: `{ ${Array.from({ length: count }, (_, i) => `s${i}: site { title }`).join(" ")} }` });
// `{ site { … } }` is 5 tokens, each repeated `title` one more.
const tokens = (count: number) => ({ query: `{ site { ${"title ".repeat(count - 5)}} }` });

describe("a batch is held to the limits as a whole, before any operation runs", () => {
  it("cost: each operation under the limit, their sum over it", async () => {
    await expectAnswered([heavy]);
    await expectRefused("MAX_COST_EXCEEDED", [heavy, heavy]);
    await expectRefused("MAX_COST_EXCEEDED", times(limits.MAX_BATCH, heavy));
  });

  it("cost: page sizes given in variables count as the values they hold", async () => {
    const query = `query ($n: Int) { articles(first: $n) { nodes { author { articles(first: 10) { nodes { id } } } } } }`;
    await expectAnswered([{ query, variables: { n: 9 } }, { query, variables: { n: 9 } }]);
    await expectRefused("MAX_COST_EXCEEDED", [{ query, variables: { n: 10 } }, { query, variables: { n: 10 } }]);
  });

  it("cost: registered operations sent by hash count too", async () => {
    const [hash] = [...loadTrustedDocuments()].find(([, text]) => text.startsWith("query ArticlePage("))!;
    const byHash = { documentId: hash };
    // ArticlePage costs 1268.875: three fit in 5000, four do not.
    await expectAnswered(times(3, byHash));
    await expectRefused("MAX_COST_EXCEEDED", times(4, byHash));
    await expectRefused("MAX_COST_EXCEEDED", times(4, byHash), yogaWith({ TRUSTED_DOCUMENTS: "anonymous" }));
  });

  it("aliases", async () => {
    await expectAnswered([aliased(limits.MAX_ALIASES - 5), aliased(5)]);
    await expectRefused("MAX_ALIASES_EXCEEDED", [aliased(limits.MAX_ALIASES - 5), aliased(6)]);
  });

  it("tokens", async () => {
    await expectAnswered([tokens(limits.MAX_TOKENS / 2), tokens(limits.MAX_TOKENS / 2)]);
    await expectRefused("MAX_TOKENS_EXCEEDED", [tokens(limits.MAX_TOKENS / 2), tokens(limits.MAX_TOKENS / 2 + 1)]);
  });
});
