import { beforeAll, describe, expect, it } from "vitest";
import { graphql, errorCodes } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const UPDATE = `mutation ($id: ID!, $title: String!, $expectedVersion: Int!) {
  updateArticle(id: $id, input: { title: $title }, expectedVersion: $expectedVersion) { article { title version } }
}`;

describe("optimistic concurrency on updateArticle", () => {
  it("lets exactly one of two saves from the same version win", async () => {
    const article = await draftArticle();
    const [first, second] = await Promise.all(
      ["Alice's title", "Bob's title"].map((title) => graphql(UPDATE, { id: article.globalId, title, expectedVersion: 1 }, editor)),
    );
    const outcomes = [first!, second!];
    const winners = outcomes.filter((response) => !response.body.errors);
    const losers = outcomes.filter((response) => response.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(errorCodes(losers[0]!)).toEqual(["CONFLICT"]);
    expect(losers[0]!.body.errors![0]!.extensions).toMatchObject({ currentVersion: 2 });

    const stored = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject({ version: 2, title: winners[0]!.body.data.updateArticle.article.title });
  });

  it("answers a stale version with CONFLICT and saves nothing", async () => {
    const article = await draftArticle();
    await graphql(UPDATE, { id: article.globalId, title: "First", expectedVersion: 1 }, editor);
    const stale = await graphql(UPDATE, { id: article.globalId, title: "Stale", expectedVersion: 1 }, editor);
    expect(errorCodes(stale)).toEqual(["CONFLICT"]);
    const fresh = await graphql(UPDATE, { id: article.globalId, title: "Fresh", expectedVersion: 2 }, editor);
    expect(fresh.body.data.updateArticle.article).toEqual({ title: "Fresh", version: 3 });
  });
});
