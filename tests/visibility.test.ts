import { describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql, errorCodes } from "./support/graphql.ts";
import { db } from "../src/db/client.ts";

const CANARY = /canary/i;

async function hiddenArticles() {
  const rows = await db().article.findMany({
    where: { OR: [{ status: { not: "PUBLISHED" } }, { publishedAt: { gt: new Date() } }] },
    include: { categories: { include: { category: true } }, author: true },
  });
  expect(rows.length).toBeGreaterThanOrEqual(6);
  return rows;
}

/** Sends the query anonymously and checks that no hidden article leaks into the response. */
async function anonymously(query: string, variables?: Record<string, unknown>) {
  const response = await graphql(query, variables);
  expect(response.status).toBeLessThan(500);
  expect(response.text).not.toMatch(CANARY);
  return response;
}

describe("anonymous callers never see drafts, scheduled or archived articles", () => {
  it("by slug, id, uri and node", async () => {
    for (const article of await hiddenArticles()) {
      const id = encodeGlobalID("Article", article.id);
      const { body } = await anonymously(
        `query ($slug: String!, $id: ID!, $uri: String!) {
          article(slug: $slug) { title } node(id: $id) { id } nodes(ids: [$id]) { id } resolveUri(uri: $uri) { __typename }
        }`,
        { slug: article.slug, id, uri: `/${article.slug}/` },
      );
      expect(body.data).toEqual({ article: null, node: null, nodes: [null], resolveUri: null });
    }
  });

  it("in lists, searches, filters and counts", async () => {
    const hidden = await hiddenArticles();
    const visibleCount = await db().article.count({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } } });
    const { body } = await anonymously(`{
      articles(first: 100) { totalCount nodes { title } }
      search: articles(where: { search: "canary" }) { totalCount nodes { title } }
      future: articles(where: { publishedAfter: "2090-01-01T00:00:00Z" }) { totalCount nodes { title } }
    }`);
    expect(body.data.articles.totalCount).toBe(visibleCount);
    expect(body.data.articles.nodes).toHaveLength(visibleCount);
    expect(body.data.search.totalCount).toBe(0);
    expect(body.data.future.totalCount).toBe(0);

    for (const article of hidden) {
      for (const { category } of article.categories) {
        const { body: categoryBody } = await anonymously(
          `query ($slug: String!) {
            category(slug: $slug) { articleCount articles(first: 100) { totalCount nodes { title } } }
            articles(first: 100, where: { categorySlug: $slug }) { totalCount nodes { title } }
          }`,
          { slug: category.slug },
        );
        const visibleInCategory = await db().articleCategory.count({
          where: { categoryId: category.id, article: { status: "PUBLISHED", publishedAt: { lte: new Date() } } },
        });
        expect(categoryBody.data.category.articleCount).toBe(visibleInCategory);
        expect(categoryBody.data.category.articles.totalCount).toBe(visibleInCategory);
      }
      const { body: authorBody } = await anonymously(
        `query ($slug: String!) {
          author(slug: $slug) { articleCount articles(first: 100) { totalCount nodes { title } } }
          articles(first: 100, where: { authorSlug: $slug }) { totalCount nodes { title } }
        }`,
        { slug: article.author.slug },
      );
      const visibleByAuthor = await db().article.count({
        where: { authorId: article.authorId, status: "PUBLISHED", publishedAt: { lte: new Date() } },
      });
      expect(authorBody.data.author.articleCount).toBe(visibleByAuthor);
      expect(authorBody.data.articles.totalCount).toBe(visibleByAuthor);
    }
  });

  it("leaves categories whose only articles are hidden out of the sidebar", async () => {
    const { body } = await anonymously(`{
      category(slug: "lifestyle") { articleCount }
      withArticles: categories(first: 100, where: { hasArticles: true }) { nodes { slug } }
      empty: categories(first: 100, where: { hasArticles: false }) { nodes { slug } }
    }`);
    expect(body.data.category.articleCount).toBe(0);
    expect(body.data.withArticles.nodes).not.toContainEqual({ slug: "lifestyle" });
    expect(body.data.empty.nodes).toContainEqual({ slug: "lifestyle" });
  });

  it("in featured slots and menus", async () => {
    const [draft] = await hiddenArticles();
    await db().featuredItem.create({ data: { slot: "sidebar", position: -1, articleId: draft!.id } });
    const menu = await db().menu.findUniqueOrThrow({ where: { location: "primary" } });
    await db().menuItem.create({ data: { menuId: menu.id, position: 99, label: "Secret", articleId: draft!.id } });

    const { body } = await anonymously(`{
      featured(slot: "sidebar", first: 10) { title article { title } }
      menu(location: "primary") { items { label url target { id } children { label url } } }
    }`);
    expect(body.data.featured.map((f: { title: string }) => f.title)).toEqual(["The Power of Exercise to Change the Brain"]);
    expect(body.data.menu.items.map((i: { label: string }) => i.label)).not.toContain("Secret");
  });

  it("refuses a status filter other than PUBLISHED", async () => {
    const response = await anonymously(`{ articles(where: { status: DRAFT }) { nodes { title } } }`);
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
  });
});
