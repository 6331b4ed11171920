import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { writeDb, db } from "../src/db/client.ts";

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

describe("a mutation's open transaction", () => {
  it("is invisible to concurrent reads, even an editor's, until it commits", async () => {
    const authorId = (await db().author.findFirstOrThrow()).id;
    const seenDuringTransaction = await writeDb()
      .$transaction(async (tx) => {
        await tx.author.create({ data: { slug: "uncommitted-author", name: "Uncommitted" } });
        await tx.article.update({ where: { id: 1 }, data: { title: "Uncommitted title" } });
        const { body } = await graphql(
          `{ author(slug: "uncommitted-author") { name } article(slug: "the-therapeutic-relationship") { title } }`,
          {},
          editor,
        );
        throw Object.assign(new Error("roll back"), { seen: body.data });
      })
      .catch((error: { seen?: unknown }) => error.seen);
    expect(seenDuringTransaction).toEqual({ author: null, article: { title: "The Therapeutic Relationship" } });
    expect(await db().author.count({ where: { slug: "uncommitted-author" } })).toBe(0);
    expect(authorId).toBeGreaterThan(0);
  });
});
