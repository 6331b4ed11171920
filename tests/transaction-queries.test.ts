import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle, emptyAuthor, emptyCategory, page } from "./support/fixtures.ts";

// node-postgres warns (once per process, and will refuse in pg 9) when a query is sent on a
// client that is still running one: two queries at once on one interactive transaction, from the
// change log's reads or from Prisma's own relation reads (src/db/serial-transactions.ts). Run with
// DATABASE_URL=postgresql://… for that case; on SQLite the same mutations must run as well.
const warnings: string[] = [];
const collect = (warning: Error) => void warnings.push(warning.message);

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
  process.on("warning", collect);
});
afterAll(() => void process.off("warning", collect));

describe("a mutation's transaction", () => {
  it("sends its queries one at a time on its client", async () => {
    expect(process.noDeprecation).not.toBe(true);
    const article = await draftArticle();
    const published = await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: article.globalId }, editor);
    expect(published.body.errors).toBeUndefined();
    const updated = await graphql(
      `mutation ($id: ID!) { updateArticle(id: $id, input: { title: "Sequential queries" }, expectedVersion: 2) { article { id } } }`,
      { id: article.globalId },
      editor,
    );
    expect(updated.body.errors).toBeUndefined();

    const [leaving, heir] = [await emptyAuthor(), await emptyAuthor()];
    const removed = await graphql(
      `mutation ($id: ID!, $to: ID) { deleteAuthor(id: $id, reassignArticlesTo: $to) { deletedId } }`,
      { id: leaving.globalId, to: heir.globalId },
      editor,
    );
    expect(removed.body.errors).toBeUndefined();

    const [holding, receiving] = [await emptyCategory(), await emptyCategory()];
    const moved = await graphql(
      `mutation ($id: ID!, $to: ID) { deleteCategory(id: $id, moveArticlesTo: $to) { deletedId } }`,
      { id: holding.globalId, to: receiving.globalId },
      editor,
    );
    expect(moved.body.errors).toBeUndefined();

    const edited = await graphql(`mutation ($id: ID!) { updatePage(id: $id, input: { body: "<p>New</p>" }) { page { id } } }`, { id: (await page()).globalId }, editor);
    expect(edited.body.errors).toBeUndefined();

    // Warnings are emitted on the next tick.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});
