import { describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { db } from "../src/db/client.ts";

const RESOLVE = /* GraphQL */ `
  query ($uri: String!) {
    resolveUri(uri: $uri) {
      __typename
      ... on Article { id uri }
      ... on Category { id uri }
      ... on Author { id uri }
      ... on Page { id uri }
      ... on Redirect { from to statusCode }
    }
  }
`;

async function allEmittedUris(): Promise<Map<string, string>> {
  const uris = new Map<string, string>();
  const add = (node: { id: string; uri: string }) => uris.set(node.uri, node.id);
  let after: string | null = null;
  for (;;) {
    const { body }: any = await graphql(
      `query ($after: String) { articles(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id uri author { id uri } categories { id uri ancestors { id uri } } breadcrumbs { uri } }
      } }`,
      { after },
    );
    for (const article of body.data.articles.nodes) {
      add(article);
      add(article.author);
      for (const category of article.categories) {
        add(category);
        category.ancestors.forEach(add);
      }
    }
    if (!body.data.articles.pageInfo.hasNextPage) break;
    after = body.data.articles.pageInfo.endCursor;
  }
  const { body }: any = await graphql(`{
    categories(first: 100) { nodes { id uri children { id uri } } }
    authors(first: 100) { nodes { id uri } }
    menu(location: "primary") { items { url target { id } children { url target { id } } } }
  }`);
  body.data.categories.nodes.forEach(add);
  body.data.authors.nodes.forEach(add);
  for (const item of body.data.menu.items.flatMap((i: any) => [i, ...i.children])) {
    if (item.target) uris.set(item.url, item.target.id);
  }
  return uris;
}

describe("resolveUri", () => {
  it("resolves every URI the API emits back to the same object", async () => {
    const uris = await allEmittedUris();
    expect(uris.size).toBeGreaterThan(90);
    for (const [uri, id] of uris) {
      const { body } = await graphql(RESOLVE, { uri });
      expect(body.errors, uri).toBeUndefined();
      expect(body.data.resolveUri?.id, uri).toBe(id);
      expect(body.data.resolveUri.uri, uri).toBe(uri);
    }
  });

  it("accepts full URLs and paths without the trailing slash", async () => {
    for (const uri of ["https://example.org/the-therapeutic-relationship/", "/the-therapeutic-relationship", "/category/psychotherapy"]) {
      const { body } = await graphql(RESOLVE, { uri });
      expect(body.data.resolveUri, uri).not.toBeNull();
    }
  });

  it("answers null for unknown URIs", async () => {
    for (const uri of ["/no-such-article/", "/category/no-such/", "/author/nobody/", "/page/nothing/", "/a/b/c/d/", "/category/yoga/", "/%00/", ""]) {
      const { body } = await graphql(RESOLVE, { uri });
      expect(body.errors, uri).toBeUndefined();
      expect(body.data.resolveUri, uri).toBeNull();
    }
  });

  it("answers a redirect for an old URI", async () => {
    await db().redirect.create({ data: { fromUri: "/old-therapy-post/", toUri: "/the-therapeutic-relationship/" } });
    const { body } = await graphql(RESOLVE, { uri: "/old-therapy-post" });
    expect(body.data.resolveUri).toEqual({
      __typename: "Redirect",
      from: "/old-therapy-post/",
      to: "/the-therapeutic-relationship/",
      statusCode: 301,
    });
  });
});
