import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { countStatements } from "./support/statements.ts";
import { seededAuthor, seededCategories, unique } from "./support/fixtures.ts";

const tag = `rl${unique().replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;
let editor: Record<string, string>;
const ids: Record<string, string> = {};
const slugs: Record<string, string> = {};

async function write(name: string, title: string, category: string, publish = true) {
  const author = await seededAuthor();
  const { body } = await graphql(
    `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } } }`,
    { input: { title, body: "<p>Plain words.</p>", authorId: author.globalId, categoryIds: [category] } },
    editor,
  );
  expect(body.errors).toBeUndefined();
  ids[name] = body.data.createArticle.article.id;
  slugs[name] = body.data.createArticle.article.slug;
  if (publish) await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: ids[name] }, editor);
}

const RELATED = `query ($slug: String!, $first: Int!) { article(slug: $slug) { title related(first: $first) { id title } } }`;
async function related(name: string, first = 3) {
  const { body } = await graphql(RELATED, { slug: slugs[name], first });
  expect(body.errors).toBeUndefined();
  return (body.data.article.related as { id: string }[]).map((article) => article.id);
}

beforeAll(async () => {
  editor = await tokenHeaders("editor");
  const [one, two] = (await seededCategories(2)).map((category) => category.globalId);
  await write("near", `Sleep hygiene ${tag} basics`, two!);
  await write("far", `Gardening ${tag} far away`, two!);
  await write("unpublished", `Sleep hygiene ${tag} draft`, one!, false);
  await write("sameCategory", `Unrelated words`, one!);
  // Written last, so it sees the others.
  await write("article", `Sleep hygiene ${tag} for shift workers`, one!);
});

describe("Article.related", () => {
  it("ranks by title similarity and shared categories, never itself, published only", async () => {
    const found = await related("article", 12);
    expect(found).not.toContain(ids.article);
    expect(found).not.toContain(ids.unpublished);
    expect(found.indexOf(ids.near!)).toBeGreaterThanOrEqual(0);
    expect(found.indexOf(ids.near!)).toBeLessThan(found.indexOf(ids.far!) === -1 ? Infinity : found.indexOf(ids.far!));
    expect(found).toContain(ids.sameCategory);
    expect(await related("article", 1)).toEqual([found[0]]);
    expect(await related("article", 12)).toEqual(found); // deterministic
  });

  it("puts pinned articles first, in the editor's order", async () => {
    const { body } = await graphql(
      `mutation ($a: ID!, $r: [ID!]!) { setRelatedArticles(articleId: $a, relatedIds: $r) { article { id } } }`,
      { a: ids.article, r: [ids.far, ids.sameCategory] },
      editor,
    );
    expect(body.errors).toBeUndefined();
    expect((await related("article", 3)).slice(0, 2)).toEqual([ids.far, ids.sameCategory]);
    const { body: self } = await graphql(
      `mutation ($a: ID!, $r: [ID!]!) { setRelatedArticles(articleId: $a, relatedIds: $r) { article { id } } }`,
      { a: ids.article, r: [ids.article] },
      editor,
    );
    expect(self.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const { body: anonymous } = await graphql(
      `mutation ($a: ID!, $r: [ID!]!) { setRelatedArticles(articleId: $a, relatedIds: $r) { article { id } } }`,
      { a: ids.article, r: [] },
    );
    expect(anonymous.errors).toHaveLength(1);
  });

  it("costs one statement on an article page, for 3 related articles as for 12", async () => {
    const page = `query ($slug: String!) { article(slug: $slug) { title } }`;
    const without = await countStatements(() => graphql(page, { slug: slugs.article }));
    for (const first of [3, 12]) {
      const { statements } = await countStatements(() => graphql(RELATED, { slug: slugs.article, first }));
      expect(statements - without.statements).toBe(1);
    }
  });
});
