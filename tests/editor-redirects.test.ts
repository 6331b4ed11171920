import { beforeAll, describe, expect, it } from "vitest";
import { graphql, errorCodes } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle, emptyCategory } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";

let editor: Record<string, string>;
let admin: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
  admin = await tokenHeaders("admin");
});

async function resolveUri(uri: string) {
  const { body } = await graphql(
    `query ($uri: String!) { resolveUri(uri: $uri) { __typename ... on Redirect { to statusCode } ... on Category { slug } } }`,
    { uri },
    editor,
  );
  return body.data.resolveUri;
}

async function renameArticle(article: { id: number; globalId: string }, slug: string) {
  const { version } = await db().article.findUniqueOrThrow({ where: { id: article.id } });
  const response = await graphql(
    `mutation ($id: ID!, $slug: String!, $v: Int!) { updateArticle(id: $id, input: { slug: $slug }, expectedVersion: $v) { article { uri } } }`,
    { id: article.globalId, slug, v: version },
    editor,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data.updateArticle.article.uri;
}

async function redirectsFrom(...uris: string[]) {
  const rows = await db().redirect.findMany({ where: { fromUri: { in: uris } } });
  return Object.fromEntries(rows.map((row) => [row.fromUri, row.toUri]));
}

describe("redirects keep old links working", () => {
  it("after an article's slug changes, without chains or loops", async () => {
    const article = await draftArticle();
    const a = `/${article.slug}/`;
    expect(await renameArticle(article, `${article.slug}-b`)).toBe(`/${article.slug}-b/`);
    expect(await resolveUri(a)).toEqual({ __typename: "Redirect", to: `/${article.slug}-b/`, statusCode: 301 });

    await renameArticle(article, `${article.slug}-c`);
    expect(await redirectsFrom(a, `/${article.slug}-b/`)).toEqual({
      [a]: `/${article.slug}-c/`,
      [`/${article.slug}-b/`]: `/${article.slug}-c/`,
    });

    await renameArticle(article, article.slug);
    expect(await resolveUri(a)).toEqual({ __typename: "Article" });
    expect(await redirectsFrom(a, `/${article.slug}-b/`, `/${article.slug}-c/`)).toEqual({
      [`/${article.slug}-b/`]: a,
      [`/${article.slug}-c/`]: a,
    });
  });

  it("refuses a slug another article already has", async () => {
    const [first, second] = [await draftArticle(), await draftArticle()];
    const response = await graphql(
      `mutation ($id: ID!, $slug: String!) { updateArticle(id: $id, input: { slug: $slug }, expectedVersion: 1) { article { slug } } }`,
      { id: second.globalId, slug: first.slug },
      editor,
    );
    expect(errorCodes(response)).toEqual(["CONFLICT"]);
    expect(response.body.errors![0]!.extensions).toMatchObject({ field: "input.slug" });
  });

  it("after a category moves, for it and everything below it", async () => {
    const parent = await emptyCategory();
    const child = await emptyCategory(parent.id);
    const grandchild = await emptyCategory(child.id);
    const newParent = await emptyCategory();

    const { body } = await graphql(
      `mutation ($id: ID!, $parentId: ID!) { updateCategory(id: $id, input: { parentId: $parentId }) { category { uri } } }`,
      { id: child.globalId, parentId: newParent.globalId },
      editor,
    );
    expect(body.data.updateCategory.category.uri).toBe(`/category/${newParent.slug}/${child.slug}/`);
    expect(await resolveUri(`/category/${parent.slug}/${child.slug}/`)).toEqual({
      __typename: "Redirect", to: `/category/${newParent.slug}/${child.slug}/`, statusCode: 301,
    });
    expect(await resolveUri(`/category/${parent.slug}/${child.slug}/${grandchild.slug}/`)).toEqual({
      __typename: "Redirect", to: `/category/${newParent.slug}/${child.slug}/${grandchild.slug}/`, statusCode: 301,
    });
    expect(await resolveUri(`/category/${newParent.slug}/${child.slug}/${grandchild.slug}/`)).toEqual({
      __typename: "Category", slug: grandchild.slug,
    });
  });

  it("after a category's slug changes, and when its parent is deleted", async () => {
    const parent = await emptyCategory();
    const child = await emptyCategory(parent.id);
    await graphql(
      `mutation ($id: ID!) { updateCategory(id: $id, input: { slug: "renamed-${parent.slug}" }) { category { uri } } }`,
      { id: parent.globalId },
      editor,
    );
    expect((await resolveUri(`/category/${parent.slug}/${child.slug}/`)).to).toBe(`/category/renamed-${parent.slug}/${child.slug}/`);

    const { body } = await graphql(`mutation ($id: ID!) { deleteCategory(id: $id) { deletedId } }`, { id: parent.globalId }, editor);
    expect(body.data.deleteCategory.deletedId).toBe(parent.globalId);
    expect(await resolveUri(`/category/${child.slug}/`)).toEqual({ __typename: "Category", slug: child.slug });
    expect((await resolveUri(`/category/${parent.slug}/${child.slug}/`)).to).toBe(`/category/${child.slug}/`);
    expect((await resolveUri(`/category/renamed-${parent.slug}/${child.slug}/`)).to).toBe(`/category/${child.slug}/`);
  });

  it("never lets a category become its own ancestor", async () => {
    const parent = await emptyCategory();
    const child = await emptyCategory(parent.id);
    for (const parentId of [parent.globalId, child.globalId]) {
      const response = await graphql(
        `mutation ($id: ID!, $parentId: ID!) { updateCategory(id: $id, input: { parentId: $parentId }) { category { id } } }`,
        { id: parent.globalId, parentId },
        editor,
      );
      expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
      expect(response.body.errors![0]!.extensions).toMatchObject({ field: "input.parentId" });
    }
  });

  it("managed by admins: create and delete", async () => {
    const created = await graphql(
      `mutation { createRedirect(from: "/old-campaign", to: "https://example.org/campaign") { redirect { from to statusCode } } }`,
      {},
      admin,
    );
    expect(created.body.data.createRedirect.redirect).toEqual({ from: "/old-campaign/", to: "https://example.org/campaign", statusCode: 301 });
    expect((await resolveUri("/old-campaign/")).to).toBe("https://example.org/campaign");

    const onContent = await graphql(`mutation { createRedirect(from: "/the-therapeutic-relationship/", to: "/") { redirect { from } } }`, {}, admin);
    expect(errorCodes(onContent)).toEqual(["CONFLICT"]);
    const duplicate = await graphql(`mutation { createRedirect(from: "/old-campaign/", to: "/") { redirect { from } } }`, {}, admin);
    expect(errorCodes(duplicate)).toEqual(["CONFLICT"]);

    const deleted = await graphql(`mutation { deleteRedirect(from: "/old-campaign/") { deletedFrom } }`, {}, admin);
    expect(deleted.body.data.deleteRedirect.deletedFrom).toBe("/old-campaign/");
    expect(await resolveUri("/old-campaign/")).toBeNull();
    const again = await graphql(`mutation { deleteRedirect(from: "/old-campaign/") { deletedFrom } }`, {}, admin);
    expect(errorCodes(again)).toEqual(["NOT_FOUND"]);
  });
});
