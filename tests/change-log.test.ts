import { beforeAll, describe, expect, it } from "vitest";
import { errorCodes, graphql, yogaAt } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle, seededAuthor, seededCategories } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { appendBatchedChange } from "../src/write/change-log.ts";
import { cacheKeys } from "../src/domain/cache-keys.ts";

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const latest = () => db().contentChange.findFirst({ orderBy: { sequence: "desc" } });
const head = async () => (await latest())?.sequence ?? 0;
const since = (sequence: number) => db().contentChange.findMany({ where: { sequence: { gt: sequence } }, orderBy: { sequence: "asc" } });

describe("the change log", () => {
  it("appends one change per mutation, with its type, URIs, cache keys and token", async () => {
    const clock = new ManualClock(Date.parse("2030-01-01T00:00:00Z"));
    const server = yogaAt(clock);
    const author = await seededAuthor();
    const categories = await seededCategories(1);
    const start = await head();
    const created = await graphql(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } } }`,
      { input: { title: "Logged change", body: "<p>Body</p>", authorId: author.globalId, categoryIds: categories.map((c) => c.globalId) } },
      editor,
      server,
    );
    const { id } = created.body.data.createArticle.article;
    await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id }, editor, server);
    await graphql(
      `mutation ($id: ID!) { updateArticle(id: $id, input: { slug: "logged-change-moved" }, expectedVersion: 2) { article { id } } }`,
      { id },
      editor,
      server,
    );
    await graphql(`mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { article { id } } }`, { id, at: "2030-02-01T00:00:00.000Z" }, editor, server);
    await graphql(`mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`, { id }, editor, server);

    const changes = await since(start);
    expect(changes.map((change) => change.type)).toEqual(["article.created", "article.published", "article.updated", "article.scheduled", "article.deleted"]);
    const [, published, moved] = changes;
    expect(published).toMatchObject({ entityType: "Article", uriBefore: "/logged-change/", uriAfter: "/logged-change/", actor: "Test editor" });
    expect(published!.occurredAt.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(JSON.parse(published!.cacheKeys)).toEqual(expect.arrayContaining([cacheKeys.articleLists, cacheKeys.uri("/logged-change/")]));
    expect(moved).toMatchObject({ slug: "logged-change-moved", uriBefore: "/logged-change/", uriAfter: "/logged-change-moved/" });
    expect(new Set(changes.map((change) => change.sequence)).size).toBe(5);
  });

  it("appends nothing for a refused or rolled-back mutation", async () => {
    const article = await draftArticle();
    const start = await head();
    const conflict = await graphql(
      `mutation ($id: ID!) { updateArticle(id: $id, input: { title: "Too late" }, expectedVersion: 99) { article { id } } }`,
      { id: article.globalId },
      editor,
    );
    expect(errorCodes(conflict)).toEqual(["CONFLICT"]);
    const anonymous = await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: article.globalId });
    expect(errorCodes(anonymous)).toEqual(["UNAUTHENTICATED"]);
    const invalid = await graphql(`mutation ($id: ID!) { updateArticle(id: $id, input: { title: "" }, expectedVersion: 1) { article { id } } }`, { id: article.globalId }, editor);
    expect(errorCodes(invalid)).toEqual(["BAD_USER_INPUT"]);
    expect(await since(start)).toEqual([]);
  });

  it("takes a bulk write as one batched change", async () => {
    const start = await head();
    await inTransaction((tx) =>
      appendBatchedChange(
        tx,
        [
          { type: "article.created", entityType: "Article", entityId: "1", uriAfter: "/one/", cacheKeys: [cacheKeys.articleLists] },
          { type: "article.created", entityType: "Article", entityId: "2", uriAfter: "/two/", cacheKeys: [cacheKeys.articleLists, cacheKeys.article(2)] },
        ],
        { occurredAt: new Date(), source: "import" },
      ),
    );
    const [batch, ...rest] = await since(start);
    expect(rest).toEqual([]);
    expect(batch).toMatchObject({ type: "batch.changed", entityType: "Batch" });
    expect(JSON.parse(batch!.cacheKeys)).toEqual([cacheKeys.article(2), cacheKeys.articleLists].sort());
    expect((JSON.parse(batch!.detail) as { changes: unknown[] }).changes).toHaveLength(2);
  });
});
