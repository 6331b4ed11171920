import { describe, expect, it } from "vitest";
import { graphql, errorCodes } from "./support/graphql.ts";
import { db } from "../src/db/client.ts";
import { encodeCursor } from "../src/graphql/connections/pagination.ts";
import { articleOrdering, type ArticleOrder } from "../src/graphql/types/article-order.ts";

// A cursor is a position in a list, never a reference to a row: a cursor made for a hidden
// article must answer exactly as the same cursor for an id with no article behind it.

const ORDERS: ArticleOrder[] = ["NEWEST", "OLDEST", "TITLE"];

async function hiddenArticles() {
  const rows = await db().article.findMany({
    where: { OR: [{ status: { not: "PUBLISHED" } }, { publishedAt: { gt: new Date() } }] },
    include: { categories: { orderBy: { position: "asc" } }, author: true },
  });
  expect(rows.map((row) => row.status)).toEqual(expect.arrayContaining(["DRAFT", "ARCHIVED"]));
  expect(rows.some((row) => row.status === "PUBLISHED")).toBe(true); // scheduled
  return rows;
}

function cursorFor(order: ArticleOrder, row: { id: number; title: string; publishedAt: Date | null }, editorView = true) {
  return encodeCursor(articleOrdering(order, editorView).cursor, row);
}

describe("cursors are no oracle", () => {
  it("a cursor for a hidden article answers as one for a missing id, on every article connection and order", async () => {
    const hidden = await hiddenArticles();
    const missingId = (await db().article.aggregate({ _max: { id: true } }))._max.id! + 1000;
    let compared = 0;
    for (const article of hidden) {
      const category = await db().category.findUniqueOrThrow({ where: { id: article.categories[0]!.categoryId } });
      const connections = [
        ...ORDERS.map((order) => `articles(orderBy: ${order}, %s) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }`),
        `author(slug: "${article.author.slug}") { articles(%s) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }`,
        `category(slug: "${category.slug}") { articles(%s) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }`,
      ];
      for (const [index, connection] of connections.entries()) {
        const order = ORDERS[index] ?? "NEWEST";
        for (const direction of ["first: 5, after", "last: 5, before"]) {
          const query = `query ($cursor: String) { ${connection.replace("%s", `${direction}: $cursor`)} }`;
          const forHidden = await graphql(query, { cursor: cursorFor(order, article) });
          const forMissing = await graphql(query, { cursor: cursorFor(order, { ...article, id: missingId }) });
          const forOtherType = await graphql(query, { cursor: cursorFor(order, { ...article, id: article.authorId }) });
          expect(forHidden.text, `${article.status} ${query}`).toBe(forMissing.text);
          expect(JSON.stringify(forOtherType.body.errors ?? null)).toBe(JSON.stringify(forMissing.body.errors ?? null));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(hidden.length * 10);
  });

  it("a page after a hidden article's title never includes the hidden article or reads past visibility", async () => {
    const [scheduled] = (await hiddenArticles()).filter((row) => row.status === "PUBLISHED");
    const { body } = await graphql(`query ($c: String) { articles(orderBy: TITLE, first: 100, after: $c) { nodes { id title } } }`, {
      c: cursorFor("TITLE", { ...scheduled!, title: "" }),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.nodes.map((n: { title: string }) => n.title)).not.toContain(scheduled!.title);
  });

  it.each([
    ["another connection's cursor", () => encodeCursor({ name: "Author:NAME", positionOf: (a: { id: number }) => ({ key: "A", id: a.id }), parseKey: () => "A" }, { id: 1 })],
    ["plugin-prisma's old id cursor", () => Buffer.from("GPC:N:1").toString("base64")],
    ["a cursor with a malformed key", () => Buffer.from(JSON.stringify(["Article:NEWEST", "yesterday", 1])).toString("base64url")],
    ["a cursor with a fractional id", () => Buffer.from(JSON.stringify(["Article:NEWEST", "2020-01-01T00:00:00.000Z", 1.5])).toString("base64url")],
    ["an unpublished position for an anonymous caller", () => Buffer.from(JSON.stringify(["Article:NEWEST", null, 1])).toString("base64url")],
  ])("refuses %s with BAD_USER_INPUT", async (_name, cursor) => {
    const response = await graphql(`query ($c: String) { articles(after: $c) { nodes { id } } }`, { c: cursor() });
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
  });
});
