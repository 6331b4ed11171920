import { describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { draftArticle } from "./support/fixtures.ts";
import { tokenHeaders } from "./support/tokens.ts";

const UPDATE = `mutation ($id: ID!, $v: Int!) { updateArticle(id: $id, input: { title: "Changed" }, expectedVersion: $v) { article { version } } }`;

describe("the CONFLICT of a stale or impossible expectedVersion", () => {
  it("names the version read and the current one, each in its place", async () => {
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    await graphql(UPDATE, { id: article.globalId, v: 1 }, editor);
    await graphql(UPDATE, { id: article.globalId, v: 2 }, editor);

    const stale = await graphql(UPDATE, { id: article.globalId, v: 1 }, editor);
    expect(stale.body.errors![0]).toMatchObject({
      message: "The article is at version 3: it was saved again after version 1, which you read. Reload it and apply your changes again",
      extensions: { code: "CONFLICT", field: "expectedVersion", currentVersion: 3 },
    });

    const ahead = await graphql(UPDATE, { id: article.globalId, v: 4 }, editor);
    expect(ahead.body.errors![0]).toMatchObject({
      message: "expectedVersion 4 is newer than the article, which is at version 3: send the version you last read",
      extensions: { code: "CONFLICT", currentVersion: 3 },
    });
  });
});
