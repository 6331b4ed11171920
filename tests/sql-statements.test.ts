import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "./support/graphql.ts";
import { countStatements } from "./support/statements.ts";
import { ARTICLE_PAGE_QUERY } from "../src/http/graphiql/example-queries.ts";
import { db } from "../src/db/client.ts";
import { prepareArticleBody } from "../src/domain/article-body.ts";

/** Statements one request costs; the request must succeed. */
async function cost(query: string, variables?: Record<string, unknown>) {
  const { statements, result } = await countStatements(() => graphql(query, variables));
  expect(result.body.errors).toBeUndefined();
  return { statements, data: result.body.data };
}

// site settings with social links 1, menu 1, the article 1 and its category links 1, bylines 2
// (the article's; the featured article's, which resolves a tick later), featured 2 (items with
// their articles, then the article's own fields), category directory with counts 1
const PAGE_STATEMENTS = 9;

const SIDEBAR = /* GraphQL */ `{
  featured(slot: "sidebar") { title excerpt article { uri publishedAt author { displayName } } }
  categories(first: 100, where: { hasArticles: true }) { nodes { name uri articleCount } }
  site { socialLinks { network url } }
}`;

const ARTICLE_LIST = /* GraphQL */ `query ($first: Int!) {
  articles(first: $first) { totalCount nodes { title uri author { displayName articleCount } categories { name uri articleCount } } }
}`;

const NODES = /* GraphQL */ `query ($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Article { title author { name } categories { name } }
    ... on Category { name articleCount parent { name } }
    ... on Author { displayName articleCount }
  }
}`;

const ALIASES = /* GraphQL */ `{
  author(slug: "arp-staff") {
    newest: articles(first: 2) { nodes { title categories { name } } }
    more: articles(first: 10) { totalCount nodes { title author { name } } }
  }
  a: featured(slot: "sidebar") { title }
  b: featured(slot: "home", first: 3) { title article { author { name } } }
}`;

const MENU = /* GraphQL */ `query ($location: String!) {
  menu(location: $location) { items { label url target { id } children { label url target { id } } } }
}`;

async function addCategoriesWithArticles(count: number, parentSlug?: string) {
  const author = await db().author.findFirstOrThrow();
  const prefix = parentSlug ? `${parentSlug}-child` : "bulk";
  const parent = parentSlug ? await db().category.upsert({ where: { slug: parentSlug }, create: { slug: parentSlug, name: parentSlug }, update: {} }) : null;
  const existing = parentSlug ? await db().category.count({ where: { parentId: parent!.id } }) : 0;
  for (let i = existing; i < existing + count; i++) {
    const category = await db().category.create({ data: { slug: `${prefix}-category-${i}`, name: `${prefix} category ${i}`, parentId: parent?.id ?? null } });
    await db().article.create({
      data: {
        slug: `${prefix}-article-${i}`,
        title: `${prefix} article ${i}`,
        ...prepareArticleBody(`<p>Bulk article number ${i} for statement counting.</p>`),
        status: "PUBLISHED",
        publishedAt: new Date(Date.UTC(2021, 0, 1, 0, i)),
        authorId: author.id,
        categories: { create: [{ categoryId: category.id, position: 0 }] },
      },
    });
  }
}

async function createMenu(location: string, topLevel: number, childrenEach: number) {
  const [category, page, article] = await Promise.all([
    db().category.findFirstOrThrow(),
    db().page.findFirstOrThrow(),
    db().article.findFirstOrThrow({ where: { status: "PUBLISHED" } }),
  ]);
  const menu = await db().menu.create({ data: { location, name: location } });
  for (let i = 0; i < topLevel; i++) {
    const targets = [{ categoryId: category.id }, { pageId: page.id }, { articleId: article.id }, { url: "https://example.org/" }];
    const parent = await db().menuItem.create({ data: { menuId: menu.id, position: i, label: `Item ${i}`, ...targets[i % 4] } });
    for (let j = 0; j < childrenEach; j++) {
      await db().menuItem.create({
        data: { menuId: menu.id, parentId: parent.id, position: j, label: `Child ${i}.${j}`, ...targets[j % 4] },
      });
    }
  }
}

async function mixedIds(count: number) {
  const [articles, categories, authors] = await Promise.all([
    db().article.findMany({ where: { status: "PUBLISHED" }, take: count, orderBy: { id: "asc" } }),
    db().category.findMany({ take: count, orderBy: { id: "asc" } }),
    db().author.findMany({ take: count, orderBy: { id: "asc" } }),
  ]);
  const ids = [
    ...articles.map((a) => encodeGlobalID("Article", a.id)),
    ...categories.map((c) => encodeGlobalID("Category", c.id)),
    ...authors.map((a) => encodeGlobalID("Author", a.id)),
  ];
  return ids.slice(0, count);
}

const NESTED = /* GraphQL */ `query ($parents: Int!) {
  categories(first: $parents) { nodes { name articles(first: 3) { totalCount nodes { title author { name } } } } }
  authors(first: $parents) { nodes { name articles(first: 2) { totalCount pageInfo { hasNextPage } nodes { title } } } }
}`;

// Every article connection under every list that reaches it, at every depth: the same statements
// for 1 parent as for 25 (issue 22: authors(first: 1) cost 5 and authors(first: 4) cost 6).
const ARTICLES = "articles(first: 2) { totalCount pageInfo { hasNextPage } nodes { title categories { name } author { name } } }";
const MANY = 25;
// Each with as many parents as the cost limit (docs/safety.md) allows at its depth.
const NESTED_EVERYWHERE: Record<string, [query: string, many: number]> = {
  "authors → articles": [`query ($n: Int!) { authors(first: $n) { nodes { name ${ARTICLES} } } }`, MANY],
  "categories → articles": [`query ($n: Int!) { categories(first: $n) { nodes { name ${ARTICLES} } } }`, MANY],
  // "statement-parent" has 1 child while the data is small, 25 once it is large.
  "category children → articles": [`{ category(slug: "statement-parent") { children { name ${ARTICLES} } } }`, MANY],
  "articles → author → articles": [`query ($n: Int!) { articles(first: $n) { nodes { author { ${ARTICLES} } } } }`, 8],
  "articles → categories → articles": [`query ($n: Int!) { articles(first: $n) { nodes { categories { ${ARTICLES} } } } }`, 8],
  "authors → articles → categories → articles": [`query ($n: Int!) { authors(first: $n) { nodes { articles(first: 2) { nodes { categories { ${ARTICLES} } } } } } }`, 3],
  "categories → articles → author → articles": [`query ($n: Int!) { categories(first: $n) { nodes { articles(first: 2) { nodes { author { ${ARTICLES} } } } } } }`, 3],
  "nodes → articles": [`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { ${ARTICLES} } ... on Category { ${ARTICLES} } ... on Article { author { ${ARTICLES} } } } }`, 8],
  "menu targets → articles": [`{ menu(location: "large") { items { target { ... on Category { ${ARTICLES} } ... on Article { author { ${ARTICLES} } } } children { target { ... on Category { ${ARTICLES} } } } } } }`, MANY],
  "featured → article → author → articles": [`{ featured(slot: "sidebar") { article { author { ${ARTICLES} } categories { ${ARTICLES} } } } }`, MANY],
};

describe("SQL statements per request do not grow with the data", () => {
  const small: Record<string, number> = {};

  beforeAll(async () => {
    await createMenu("small", 5, 0);
    await createMenu("large", 10, 4);
    small.page = (await cost(ARTICLE_PAGE_QUERY)).statements;
    small.sidebar = (await cost(SIDEBAR)).statements;
    small.nodes = (await cost(NODES, { ids: await mixedIds(5) })).statements;
    small.aliases = (await cost(ALIASES)).statements;
    small.nested = (await cost(NESTED, { parents: 3 })).statements;
    await addCategoriesWithArticles(1, "statement-parent");
    for (const [name, [query]] of Object.entries(NESTED_EVERYWHERE)) {
      small[name] = (await cost(query, { n: 1, ids: await mixedIds(1) })).statements;
    }
    await addCategoriesWithArticles(100);
    await addCategoriesWithArticles(MANY - 1, "statement-parent");
  });

  it("per-parent pages with counts (categories and authors with their articles), 3 or 25 parents", async () => {
    const { statements, data } = await cost(NESTED, { parents: 25 });
    expect(data.categories.nodes).toHaveLength(25);
    expect(data.categories.nodes.some((category: any) => category.articles.totalCount > 3 && category.articles.nodes.length === 3)).toBe(true);
    expect(statements).toBe(small.nested);
  });

  it("the article page from GraphiQL's example", async () => {
    const { statements, data } = await cost(ARTICLE_PAGE_QUERY);
    expect(data.categories.nodes.length).toBe(100);
    expect(statements).toBe(small.page);
    expect(statements).toBe(PAGE_STATEMENTS);
  });

  it("the sidebar: featured, categories with counts, social links", async () => {
    const { statements, data } = await cost(SIDEBAR);
    expect(data.categories.nodes.length).toBe(100);
    expect(statements).toBe(small.sidebar);
    // featured 2, its byline 1, category directory with counts 1, site 1
    expect(statements).toBe(5);
  });

  it("an article list with authors and categories, 5 or 100 items", async () => {
    const five = await cost(ARTICLE_LIST, { first: 5 });
    const hundred = await cost(ARTICLE_LIST, { first: 100 });
    expect(hundred.data.articles.nodes).toHaveLength(100);
    expect(hundred.statements).toBe(five.statements);
    // articles, totalCount, category links; authors, their counts, category directory with counts
    expect(five.statements).toBe(6);
  });

  it("nodes over 5 or 50 mixed ids", async () => {
    const ids = await mixedIds(50);
    const { statements, data } = await cost(NODES, { ids });
    expect(data.nodes.filter(Boolean)).toHaveLength(50);
    expect(statements).toBe(small.nodes);
  });

  it("the same relation twice under two aliases with different arguments", async () => {
    const { statements, data } = await cost(ALIASES);
    expect(data.author.newest.nodes).toHaveLength(2);
    expect(data.author.more.nodes).toHaveLength(10);
    expect(data.b).toHaveLength(3);
    expect(statements).toBe(small.aliases);
  });

  it("a menu of 5 and of 50 items", async () => {
    const five = await cost(MENU, { location: "small" });
    const fifty = await cost(MENU, { location: "large" });
    expect(five.data.menu.items).toHaveLength(5);
    expect(fifty.data.menu.items.flatMap((item: any) => [item, ...item.children])).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
  });

  it.each(Object.keys(NESTED_EVERYWHERE))("%s: the same statements for 1 parent as for many", async (name) => {
    const [query, many] = NESTED_EVERYWHERE[name]!;
    const { statements } = await cost(query, { n: many, ids: await mixedIds(many) });
    expect({ name, statements }).toEqual({ name, statements: small[name] });
  });
});
