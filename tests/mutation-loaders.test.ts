import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { db } from "../src/db/client.ts";

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

describe("a document with several mutations", () => {
  it("reads what each mutation committed, not what the request cached before it", async () => {
    const [yoga, parent] = await Promise.all([
      db().category.findUniqueOrThrow({ where: { slug: "yoga" } }),
      db().category.findUniqueOrThrow({ where: { slug: "body-mind-practices" } }),
    ]);
    const { body } = await graphql(
      `mutation ($yoga: ID!, $parent: ID!) {
        first: updateCategory(id: $yoga, input: { description: "Stretching." }) { category { uri } }
        second: updateCategory(id: $parent, input: { slug: "body-and-mind" }) { category { uri children { uri } } }
      }`,
      { yoga: encodeGlobalID("Category", yoga.id), parent: encodeGlobalID("Category", parent.id) },
      editor,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.first.category.uri).toBe("/category/body-mind-practices/yoga/");
    expect(body.data.second.category.uri).toBe("/category/body-and-mind/");
    expect(body.data.second.category.children.map((c: { uri: string }) => c.uri)).toContain("/category/body-and-mind/yoga/");
  });
});
