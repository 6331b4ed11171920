import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fetchYoga, graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle, page, unique } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";

// A redirect is visible only when its target is: renaming hidden content must not reveal it.

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const RESOLVE = `query ($uri: String!) { resolveUri(uri: $uri) { __typename ... on Redirect { to } ... on Article { slug } } }`;
const REGISTERED_HASH = Object.entries(JSON.parse(readFileSync("persisted-operations.json", "utf8")) as Record<string, string>)
  .find(([, text]) => text.startsWith("query ResolveUri"))![0];

async function resolveAs(headers: Record<string, string>, uri: string) {
  const { body } = await graphql(RESOLVE, { uri }, headers);
  expect(body.errors).toBeUndefined();
  return body.data.resolveUri;
}

/** What an anonymous caller gets, through an ad-hoc query and the registered ResolveUri operation. */
async function anonymous(uri: string) {
  const adHoc = await resolveAs({}, uri);
  const response = await fetchYoga("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ documentId: `sha256:${REGISTERED_HASH}`, variables: { uri } }),
  });
  const viaRegistry = (await response.json()).data.resolveUri;
  expect(viaRegistry?.__typename ?? null).toBe(adHoc?.__typename ?? null);
  return adHoc;
}

async function editArticle(id: string, mutation: string, variables: Record<string, unknown> = {}) {
  const { body } = await graphql(mutation, { id, ...variables }, editor);
  expect(body.errors).toBeUndefined();
}

async function rename(article: { id: number; globalId: string }, slug: string) {
  const { version } = await db().article.findUniqueOrThrow({ where: { id: article.id } });
  await editArticle(
    article.globalId,
    `mutation ($id: ID!, $slug: String!, $v: Int!) { updateArticle(id: $id, input: { slug: $slug }, expectedVersion: $v) { article { id } } }`,
    { slug, v: version },
  );
}

const publish = (id: string, at?: string) =>
  editArticle(id, `mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { article { id } } }`, { at });
const unpublish = (id: string) => editArticle(id, `mutation ($id: ID!) { unpublishArticle(id: $id) { article { id } } }`);
const archive = (id: string) => editArticle(id, `mutation ($id: ID!) { archiveArticle(id: $id) { article { id } } }`);

describe("redirects never lead anonymous callers to hidden content", () => {
  it.each([
    ["a draft", async (_id: string) => {}],
    ["a scheduled article", (id: string) => publish(id, "2099-01-01T00:00:00Z")],
    ["an archived article", async (id: string) => { await publish(id); await archive(id); }],
  ])("renaming %s leaves no visible redirect", async (_kind, hide) => {
    const article = await draftArticle();
    await hide(article.globalId);
    await rename(article, `${article.slug}-renamed`);

    expect(await anonymous(`/${article.slug}/`)).toBeNull();
    expect(await resolveAs(editor, `/${article.slug}/`)).toEqual({ __typename: "Redirect", to: `/${article.slug}-renamed/` });
  });

  it("an article renamed and then unpublished turns its old public URL into nothing", async () => {
    const article = await draftArticle();
    await publish(article.globalId);
    await rename(article, `${article.slug}-new`);
    expect(await anonymous(`/${article.slug}/`)).toEqual({ __typename: "Redirect", to: `/${article.slug}-new/` });

    await unpublish(article.globalId);
    expect(await anonymous(`/${article.slug}/`)).toBeNull();
    expect(await anonymous(`/${article.slug}-new/`)).toBeNull();
  });

  it("renaming a draft page leaves no visible redirect", async () => {
    const draft = await page();
    await db().page.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    const { body } = await graphql(
      `mutation ($id: ID!, $slug: String!) { updatePage(id: $id, input: { slug: $slug }) { page { id } } }`,
      { id: draft.globalId, slug: `${draft.slug}-moved` },
      editor,
    );
    expect(body.errors).toBeUndefined();
    expect(await anonymous(`/page/${draft.slug}/`)).toBeNull();
    expect(await resolveAs(editor, `/page/${draft.slug}/`)).toEqual({ __typename: "Redirect", to: `/page/${draft.slug}-moved/` });
  });

  it("a published page moved and made a draft in one update keeps the public redirect at its new URI", async () => {
    const moved = await page();
    const newSlug = `${moved.slug}-drafted`;
    await db().redirect.create({ data: { fromUri: `/page/${newSlug}/`, toUri: "/the-therapeutic-relationship/" } });
    const { body } = await graphql(
      `mutation ($id: ID!, $slug: String!) { updatePage(id: $id, input: { slug: $slug, status: DRAFT }) { page { id } } }`,
      { id: moved.globalId, slug: newSlug },
      editor,
    );
    expect(body.errors).toBeUndefined();
    expect(await anonymous(`/page/${newSlug}/`)).toEqual({ __typename: "Redirect", to: "/the-therapeutic-relationship/" });
    expect(await anonymous(`/page/${moved.slug}/`)).toBeNull();
  });

  it("a draft taking a URI with a public redirect changes nothing for readers until it is published", async () => {
    const slug = `taken-${unique()}`;
    await db().redirect.create({ data: { fromUri: `/${slug}/`, toUri: "/the-therapeutic-relationship/" } });
    const publicRedirect = { __typename: "Redirect", to: "/the-therapeutic-relationship/" };

    const { body } = await graphql(
      `mutation ($slug: String!, $author: ID!, $category: ID!) {
        createArticle(input: { title: "Taker", body: "<p>x</p>", slug: $slug, authorId: $author, categoryIds: [$category] }) { article { id } }
      }`,
      { slug, author: "QXV0aG9yOjE=", category: "Q2F0ZWdvcnk6MQ==" },
      editor,
    );
    expect(body.errors).toBeUndefined();
    const id = body.data.createArticle.article.id;
    expect(await anonymous(`/${slug}/`)).toEqual(publicRedirect);
    expect(await resolveAs(editor, `/${slug}/`)).toEqual({ __typename: "Article", slug });

    // Moving the draft away keeps the public redirect too.
    const { version } = await db().article.findUniqueOrThrow({ where: { slug } });
    await editArticle(
      id,
      `mutation ($id: ID!, $slug: String!, $v: Int!) { updateArticle(id: $id, input: { slug: $slug }, expectedVersion: $v) { article { id } } }`,
      { slug: `${slug}-draft`, v: version },
    );
    expect(await anonymous(`/${slug}/`)).toEqual(publicRedirect);
    expect(await anonymous(`/${slug}-draft/`)).toBeNull();

    await publish(id);
    expect(await anonymous(`/${slug}-draft/`)).toEqual({ __typename: "Article", slug: `${slug}-draft` });
  });

  it("a redirect to a hidden target answers exactly as a URI with nothing at it", async () => {
    const article = await draftArticle();
    await db().redirect.create({ data: { fromUri: `/old-${article.slug}/`, toUri: `/${article.slug}/` } });
    const hidden = await graphql(RESOLVE, { uri: `/old-${article.slug}/` });
    const missing = await graphql(RESOLVE, { uri: `/nothing-${unique()}/` });
    expect(hidden.text).toBe(missing.text);
  });
});
