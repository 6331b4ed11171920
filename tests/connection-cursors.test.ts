import { beforeAll, describe, expect, it } from "vitest";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { db } from "../src/db/client.ts";

// Clients keep cursors (in URLs, in caches), so every connection's cursor stays the base64url
// JSON [ordering, key, id] it has always been: a cursor issued before a release pages on after it.

const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
const rowId = (globalId: string) => Number(decodeGlobalID(globalId).id);

let editor: Record<string, string>;

beforeAll(async () => {
  editor = await tokenHeaders("editor");
  for (const i of [1, 2]) {
    await db().subscriber.create({ data: { email: `cursor-${i}@example.org`, status: "CONFIRMED" } });
    await db().contactMessage.create({ data: { name: `Cursor ${i}`, email: "c@example.org", message: "Hello" } });
  }
  const articles = await db().article.findMany({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } }, take: 2 });
  for (const article of articles) {
    const due = { nextReviewDue: new Date(Date.UTC(2020, 0, 1)) };
    await db().articleTrust.upsert({ where: { articleId: article.id }, create: { articleId: article.id, ...due }, update: due });
  }
});

async function firstEdges(field: string, node: string, headers: Record<string, string> = {}) {
  const { body } = await graphql(`{ c: ${field} { edges { cursor node { ${node} } } } }`, {}, headers);
  expect(body.errors).toBeUndefined();
  const edges: { cursor: string; node: Record<string, any> }[] = body.data.c.edges;
  expect(edges.length).toBeGreaterThan(0);
  return edges;
}

describe("every connection's cursor keeps its format", () => {
  it.each(["NEWEST", "OLDEST"])("articles %s: [Article:ORDER, ISO publication time, id]", async (order) => {
    for (const edge of await firstEdges(`articles(first: 3, orderBy: ${order})`, "id publishedAt")) {
      expect(decode(edge.cursor)).toEqual([`Article:${order}`, edge.node.publishedAt, rowId(edge.node.id)]);
    }
  });

  it("articles TITLE, Author.articles and Category.articles", async () => {
    for (const edge of await firstEdges("articles(first: 3, orderBy: TITLE)", "id title")) {
      expect(decode(edge.cursor)).toEqual(["Article:TITLE", edge.node.title, rowId(edge.node.id)]);
    }
    const { body } = await graphql(`{
      author(slug: "arp-staff") { articles(first: 2) { edges { cursor node { id publishedAt } } } }
      category(slug: "psychotherapy") { articles(first: 2) { edges { cursor node { id publishedAt } } } }
    }`);
    const nested = [...body.data.author.articles.edges, ...body.data.category.articles.edges];
    expect(nested.length).toBe(4);
    for (const edge of nested) expect(decode(edge.cursor)).toEqual(["Article:NEWEST", edge.node.publishedAt, rowId(edge.node.id)]);
  });

  it("an editor's article list: an unpublished article's key is null", async () => {
    const edges = await firstEdges("articles(last: 1, orderBy: NEWEST)", "id publishedAt", editor);
    expect(edges[0]!.node.publishedAt).toBeNull();
    expect(decode(edges[0]!.cursor)).toEqual(["Article:NEWEST", null, rowId(edges[0]!.node.id)]);
  });

  it("authors: [Author:NAME, name, id]", async () => {
    for (const edge of await firstEdges("authors(first: 3)", "id name")) {
      expect(decode(edge.cursor)).toEqual(["Author:NAME", edge.node.name, rowId(edge.node.id)]);
    }
  });

  it("categories: [Category:NAME, name, id] and [Category:ARTICLE_COUNT, [count, name], id]", async () => {
    for (const edge of await firstEdges("categories(first: 3)", "id name")) {
      expect(decode(edge.cursor)).toEqual(["Category:NAME", edge.node.name, rowId(edge.node.id)]);
    }
    for (const edge of await firstEdges("categories(first: 3, orderBy: ARTICLE_COUNT)", "id name articleCount")) {
      expect(decode(edge.cursor)).toEqual(["Category:ARTICLE_COUNT", [edge.node.articleCount, edge.node.name], rowId(edge.node.id)]);
    }
  });

  it("subscribers and contact messages: [ordering, id, id]", async () => {
    const subscribers = await db().subscriber.findMany({ orderBy: { id: "asc" }, take: 2 });
    const subscriberEdges = await firstEdges("subscribers(first: 2)", "email", editor);
    expect(subscriberEdges.map((edge) => decode(edge.cursor))).toEqual(subscribers.map((s) => ["Subscriber:ID", s.id, s.id]));
    const messages = await db().contactMessage.findMany({ orderBy: { id: "desc" }, take: 2 });
    const messageEdges = await firstEdges("contactMessages(first: 2)", "id", editor);
    expect(messageEdges.map((edge) => decode(edge.cursor))).toEqual(messages.map((m) => ["ContactMessage:NEWEST", m.id, m.id]));
  });

  it("articlesDueForReview: [due, due time in ms, article id], and a cursor made that way pages on", async () => {
    const edges = await firstEdges("articlesDueForReview(first: 2, withinDays: 0)", "id", editor);
    const trust = await db().articleTrust.findUniqueOrThrow({ where: { articleId: rowId(edges[0]!.node.id) } });
    const cursor = ["due", trust.nextReviewDue!.getTime(), trust.articleId];
    expect(decode(edges[0]!.cursor)).toEqual(cursor);
    const after = `query ($after: String) { articlesDueForReview(first: 1, after: $after, withinDays: 0) { nodes { id } } }`;
    const handMade = await graphql(after, { after: Buffer.from(JSON.stringify(cursor)).toString("base64url") }, editor);
    expect(handMade.body.errors).toBeUndefined();
    expect(handMade.body.data.articlesDueForReview.nodes).toEqual([{ id: edges[1]!.node.id }]);
  });
});
