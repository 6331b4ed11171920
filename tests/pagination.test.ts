import { describe, expect, it } from "vitest";
import { graphql, errorCodes } from "./support/graphql.ts";

const ARTICLES = /* GraphQL */ `
  query Articles($first: Int, $after: String, $last: Int, $before: String, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id title publishedAt } }
      nodes { id }
    }
  }
`;

async function walkForward(pageSize: number, orderBy: string) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { body }: any = await graphql(ARTICLES, { first: pageSize, after, orderBy });
    expect(body.errors).toBeUndefined();
    const connection: any = body.data.articles;
    expect(connection.nodes.map((n: { id: string }) => n.id)).toEqual(connection.edges.map((e: any) => e.node.id));
    ids.push(...connection.edges.map((e: any) => e.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount: connection.totalCount };
    after = connection.pageInfo.endCursor;
  }
  throw new Error("did not reach the end");
}

async function walkBackward(pageSize: number, orderBy: string) {
  const ids: string[] = [];
  let before: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { body }: any = await graphql(ARTICLES, { last: pageSize, before, orderBy });
    expect(body.errors).toBeUndefined();
    const connection: any = body.data.articles;
    ids.unshift(...connection.edges.map((e: any) => e.node.id));
    if (!connection.pageInfo.hasPreviousPage) return ids;
    before = connection.pageInfo.startCursor;
  }
  throw new Error("did not reach the start");
}

describe("article pagination", () => {
  for (const orderBy of ["NEWEST", "OLDEST", "TITLE"]) {
    it(`walks the whole list forward and backward with no gaps or repeats (${orderBy})`, async () => {
      const { body } = await graphql(ARTICLES, { first: 100, orderBy });
      const all = body.data.articles.edges.map((e: any) => e.node.id);
      expect(all.length).toBe(body.data.articles.totalCount);
      expect(all.length).toBeGreaterThan(60);

      const forward = await walkForward(7, orderBy);
      expect(forward.ids).toEqual(all);
      expect(new Set(forward.ids).size).toBe(forward.ids.length);
      expect(forward.totalCount).toBe(all.length);

      const backward = await walkBackward(9, orderBy);
      expect(backward).toEqual(all);
    });
  }

  it("orders newest first by default", async () => {
    const { body } = await graphql(ARTICLES, { first: 100 });
    const dates = body.data.articles.edges.map((e: any) => e.node.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("returns 20 items by default", async () => {
    const { body } = await graphql(ARTICLES, {});
    expect(body.data.articles.edges).toHaveLength(20);
  });

  it.each([
    [{ first: 101 }],
    [{ last: 101 }],
    [{ first: -1 }],
    [{ first: 5, after: "not-a-cursor" }],
    [{ last: 5, before: "bm9wZQ==" }],
  ])("refuses %j with a coded error", async (variables) => {
    const response = await graphql(ARTICLES, variables);
    expect(response.status).toBe(200);
    expect(response.body.data?.articles ?? null).toBeNull();
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
  });

  it("accepts exactly 100", async () => {
    const response = await graphql(ARTICLES, { first: 100 });
    expect(response.body.errors).toBeUndefined();
  });
});

describe("other connections", () => {
  it("pages through categories in both directions", async () => {
    const query = `query ($first: Int, $after: String, $last: Int, $before: String) {
      categories(first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { slug }
      }
    }`;
    const all = (await graphql(query, { first: 100 })).body.data.categories;
    const slugs = all.nodes.map((n: { slug: string }) => n.slug);
    expect(slugs.length).toBe(all.totalCount);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await graphql(query, { first: 4, after })).body.data.categories;
      forward.push(...page.nodes.map((n: { slug: string }) => n.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(slugs);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await graphql(query, { last: 5, before })).body.data.categories;
      backward.unshift(...page.nodes.map((n: { slug: string }) => n.slug));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(slugs);
    expect(errorCodes(await graphql(query, { first: 101 }))).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes(await graphql(query, { first: 2, after: Buffer.from("GPC:N:999999").toString("base64") }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("pages through an author's articles and counts them", async () => {
    const query = `query ($after: String) {
      author(slug: "arp-staff") { articleCount articles(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }
    }`;
    const ids: string[] = [];
    let after: string | null = null;
    let first: any;
    for (;;) {
      const author: any = (await graphql(query, { after })).body.data.author;
      first ??= author;
      ids.push(...author.articles.nodes.map((n: { id: string }) => n.id));
      if (!author.articles.pageInfo.hasNextPage) break;
      after = author.articles.pageInfo.endCursor;
    }
    expect(ids.length).toBe(first.articleCount);
    expect(ids.length).toBe(first.articles.totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    expect(errorCodes(await graphql(`{ author(slug: "arp-staff") { articles(first: 500) { nodes { id } } } }`))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });
});
