import { beforeAll, describe, expect, it } from "vitest";
import { graphql, yogaAt } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import type { LanternYoga } from "../src/app/yoga.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { seededAuthor, seededCategories } from "./support/fixtures.ts";

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const CREATE = `mutation ($input: CreateArticleInput!) {
  createArticle(input: $input) { article { id slug uri status version publishedAt body } }
}`;

async function createDraft(title: string) {
  const author = await seededAuthor();
  const categories = await seededCategories(2);
  const { body } = await graphql(
    CREATE,
    {
      input: {
        title,
        body: `<p>The ${title} method <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">works</a>.</p>`,
        authorId: author.globalId,
        categoryIds: categories.map((c) => c.globalId),
      },
    },
    editor,
  );
  expect(body.errors).toBeUndefined();
  return { article: body.data.createArticle.article, author, categories };
}

/**
 * Every read path an anonymous reader has to an article, as counts and matches. Two documents,
 * since all of them at 100 items a page would exceed the public cost limit.
 */
const DIRECT_PATHS = `query ($slug: String!, $id: ID!, $uri: String!, $word: String!, $categorySlug: String!, $authorSlug: String!) {
  article(slug: $slug) { id }
  node(id: $id) { id }
  nodes(ids: [$id]) { id }
  resolveUri(uri: $uri) { __typename }
  search: articles(where: { search: $word }) { totalCount nodes { id } }
  category(slug: $categorySlug) { articleCount articles(first: 100) { totalCount nodes { id } } }
  author(slug: $authorSlug) { articleCount articles(first: 100) { totalCount nodes { id } } }
}`;

const LIST_PATHS = `query ($categorySlug: String!, $authorSlug: String!) {
  list: articles(first: 100) { totalCount nodes { id } }
  inCategory: articles(first: 100, where: { categorySlug: $categorySlug }) { totalCount nodes { id } }
  byAuthor: articles(first: 100, where: { authorSlug: $authorSlug }) { totalCount nodes { id } }
}`;

async function readEveryPath(
  draft: Awaited<ReturnType<typeof createDraft>>,
  word: string,
  headers: Record<string, string> = {},
  server?: LanternYoga,
) {
  const variables = {
    slug: draft.article.slug,
    id: draft.article.id,
    uri: draft.article.uri,
    word,
    categorySlug: draft.categories[0]!.slug,
    authorSlug: draft.author.slug,
  };
  const [direct, lists] = await Promise.all([
    graphql(DIRECT_PATHS, variables, headers, server),
    graphql(LIST_PATHS, { categorySlug: variables.categorySlug, authorSlug: variables.authorSlug }, headers, server),
  ]);
  expect(lists.body.errors).toBeUndefined();
  const body = { ...direct.body, data: { ...direct.body.data, ...lists.body.data } };
  expect(body.errors).toBeUndefined();
  const id = draft.article.id;
  const has = (connection: { nodes: { id: string }[] }) => connection.nodes.some((node) => node.id === id);
  return {
    bySlug: body.data.article?.id === id,
    byNode: body.data.node?.id === id,
    byNodes: body.data.nodes[0]?.id === id,
    byUri: body.data.resolveUri?.__typename === "Article",
    inList: has(body.data.list),
    inSearch: has(body.data.search),
    inCategoryFilter: has(body.data.inCategory),
    inAuthorFilter: has(body.data.byAuthor),
    inCategoryArticles: has(body.data.category.articles),
    inAuthorArticles: has(body.data.author.articles),
    counts: {
      list: body.data.list.totalCount,
      search: body.data.search.totalCount,
      inCategory: body.data.inCategory.totalCount,
      byAuthor: body.data.byAuthor.totalCount,
      categoryArticleCount: body.data.category.articleCount,
      categoryArticles: body.data.category.articles.totalCount,
      authorArticleCount: body.data.author.articleCount,
      authorArticles: body.data.author.articles.totalCount,
    },
  };
}

const NOWHERE = {
  bySlug: false, byNode: false, byNodes: false, byUri: false, inList: false, inSearch: false,
  inCategoryFilter: false, inAuthorFilter: false, inCategoryArticles: false, inAuthorArticles: false,
};
const EVERYWHERE = Object.fromEntries(Object.keys(NOWHERE).map((key) => [key, true]));

function plusOne(counts: Record<string, number>) {
  return Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, value + 1]));
}

describe("the publishing workflow", () => {
  it("creates a sanitized DRAFT with a slug made from the title", async () => {
    const { article } = await createDraft("Über Ängste: ein Überblick");
    expect(article).toMatchObject({ slug: "uber-angste-ein-uberblick", uri: "/uber-angste-ein-uberblick/", status: "DRAFT", version: 1, publishedAt: null });
    expect(article.body).not.toMatch(/script|javascript|onclick/);
    const { article: second } = await createDraft("Über Ängste: ein Überblick");
    expect(second.slug).toBe("uber-angste-ein-uberblick-2");
  });

  it("hides a draft from anonymous readers on every path until it is published", async () => {
    const word = "Quillwort";
    const before = await readEveryPath(await createDraft(`Control ${word}`), word);
    const draft = await createDraft(`The ${word} Protocol`);

    const hidden = await readEveryPath(draft, word);
    expect(hidden).toMatchObject(NOWHERE);
    expect(hidden.counts).toEqual(before.counts);

    const publish = await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { status version publishedAt } } }`, { id: draft.article.id }, editor);
    expect(publish.body.data.publishArticle.article).toMatchObject({ status: "PUBLISHED", version: 2 });

    const visible = await readEveryPath(draft, word);
    expect(visible).toMatchObject(EVERYWHERE);
    expect(visible.counts).toEqual(plusOne(before.counts));

    await graphql(`mutation ($id: ID!) { unpublishArticle(id: $id) { article { status } } }`, { id: draft.article.id }, editor);
    expect(await readEveryPath(draft, word)).toMatchObject(NOWHERE);
  });

  it("shows drafts to editors through the same queries, for previews", async () => {
    const word = "Moonwort";
    const draft = await createDraft(`A ${word} Preview`);
    const preview = await readEveryPath(draft, word, editor);
    expect(preview).toMatchObject({ bySlug: true, byNode: true, byNodes: true, byUri: true, inList: true, inSearch: true });

    const { body } = await graphql(
      `query ($word: String!) { articles(where: { status: DRAFT, search: $word }) { nodes { id status } } }`,
      { word },
      editor,
    );
    expect(body.data.articles.nodes).toEqual([{ id: draft.article.id, status: "DRAFT" }]);
  });

  it("archives an article out of sight", async () => {
    const word = "Spleenwort";
    const draft = await createDraft(`${word} Notes`);
    await graphql(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: draft.article.id }, editor);
    const { body } = await graphql(`mutation ($id: ID!) { archiveArticle(id: $id) { article { status publishedAt } } }`, { id: draft.article.id }, editor);
    expect(body.data.archiveArticle.article.status).toBe("ARCHIVED");
    expect(body.data.archiveArticle.article.publishedAt).not.toBeNull();
    expect(await readEveryPath(draft, word)).toMatchObject(NOWHERE);
  });

  it("publishes a scheduled article by itself once its time has come", async () => {
    const word = "Liverwort";
    const draft = await createDraft(`${word} Later`);
    const at = new Date(Date.now() + 3_600_000);
    const { body } = await graphql(
      `mutation ($id: ID!, $at: DateTime!) { publishArticle(id: $id, at: $at) { article { status publishedAt } } }`,
      { id: draft.article.id, at: at.toISOString() },
      editor,
    );
    expect(body.data.publishArticle.article).toEqual({ status: "PUBLISHED", publishedAt: at.toISOString() });
    const clock = new ManualClock(at.getTime() - 1);
    const later = yogaAt(clock);
    expect(await readEveryPath(draft, word, {}, later)).toMatchObject(NOWHERE);

    clock.advanceTo(at); // no write in between: the article goes live by the clock alone
    expect(await readEveryPath(draft, word, {}, later)).toMatchObject(EVERYWHERE);
  });

  it("deletes an article", async () => {
    const draft = await createDraft("Short-lived");
    const { body } = await graphql(`mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`, { id: draft.article.id }, editor);
    expect(body.data.deleteArticle.deletedId).toBe(draft.article.id);
    const { body: after } = await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: draft.article.id }, editor);
    expect(after.data.node).toBeNull();
  });
});
