import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { seededAuthor, seededCategories, unique } from "./support/fixtures.ts";

// The same answers on SQLite and PostgreSQL: words match whatever their case, accented letters included.
let ids: Record<string, string>;
const tag = unique();

beforeAll(async () => {
  const editor = await tokenHeaders("editor");
  const author = await seededAuthor();
  const [category] = await seededCategories(1);
  const write = async (title: string, body: string) => {
    const { body: created } = await graphql(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
      { input: { title: `${title} ${tag}`, body, authorId: author.globalId, categoryIds: [category!.globalId] } },
      editor,
    );
    const id = created.data.createArticle.article.id;
    await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id }, editor);
    return id;
  };
  ids = {
    umlaut: await write("Über Ängste", "<p>Wie man mit ÄNGSTEN umgeht.</p>"),
    ascii: await write("Breathing Basics", "<p>SLOW breathing, calmly.</p>"),
  };
});

async function search(words: string) {
  const { body } = await graphql(`query ($s: String!) { articles(first: 10, where: { search: $s }) { nodes { id } } }`, { s: `${words} ${tag}` });
  expect(body.errors).toBeUndefined();
  return body.data.articles.nodes.map((node: { id: string }) => node.id).sort();
}

describe("search", () => {
  it("ignores case, in ASCII and beyond", async () => {
    expect(await search("breathing")).toEqual([ids.ascii]);
    expect(await search("slow BREATHING")).toEqual([ids.ascii]);
    expect(await search("über ängste")).toEqual([ids.umlaut]);
    expect(await search("ÜBER ängsten")).toEqual([ids.umlaut]);
  });
});
