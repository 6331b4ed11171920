import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { sqliteFilePath } from "../src/db/client.ts";
import { publishedArticleWhere } from "../src/domain/visibility.ts";
import { articleOrdering, type ArticleOrder } from "../src/graphql/types/article-order.ts";
import { keysetWindow } from "../src/graphql/connections/keyset-connection.ts";
import type { Window } from "../src/graphql/connections/pagination.ts";

// A page of articles is a keyset query: the database seeks to the cursor's position in an index
// and reads `first + 1` rows in index order, at any size of the site and any cursor position.

const databaseUrl = process.env.DATABASE_URL!;
const statements: { query: string; params: string }[] = [];
const logged = new PrismaClient({
  adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl) }),
  log: [{ emit: "event", level: "query" }],
});
logged.$on("query", (event) => statements.push({ query: event.query, params: event.params }));

afterAll(() => logged.$disconnect());

async function plan(order: ArticleOrder, window: Window<unknown>, where = publishedArticleWhere(new Date())): Promise<string[]> {
  const ordering = articleOrdering(order, false);
  statements.length = 0;
  await logged.article.findMany({ select: { id: true }, ...keysetWindow(where, ordering.sort, window) });
  const [statement] = statements;
  const rows = await logged.$queryRawUnsafe<{ detail: string }[]>(
    `EXPLAIN QUERY PLAN ${statement!.query}`,
    ...(JSON.parse(statement!.params) as unknown[]),
  );
  return rows.map((row) => row.detail);
}

async function positionAt(order: ArticleOrder, fromEnd: number) {
  const ordering = articleOrdering(order, false);
  const rows = await logged.article.findMany({
    select: { id: true, title: true, publishedAt: true },
    ...keysetWindow(publishedArticleWhere(new Date()), ordering.sort, { limit: fromEnd + 1, fromEnd: true }),
  });
  return ordering.cursor.positionOf(rows.at(-1)!);
}

function expectIndexSeek(details: string[]) {
  expect(details.some((detail) => /^SEARCH (main\.)?Article USING (COVERING )?INDEX/.test(detail)), details.join("\n")).toBe(true);
  expect(details.filter((detail) => /^SCAN (main\.)?Article\b|TEMP B-TREE FOR ORDER BY/.test(detail)), details.join("\n")).toEqual([]);
}

async function addPublishedArticles(count: number) {
  const author = await logged.author.findFirstOrThrow();
  const base = Date.UTC(2001, 0, 1);
  await logged.article.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      slug: `bulk-${i}`, title: `Bulk ${String(i).padStart(5, "0")}`, body: "<p>x</p>", bodyText: "x", wordCount: 1,
      status: "PUBLISHED", publishedAt: new Date(base + i * 3_600_000), authorId: author.id,
    })),
  });
}

describe.runIf(databaseUrl.startsWith("file:"))("article pages are index seeks, at two sizes and two positions", () => {
  beforeAll(() => logged.$connect());

  for (const size of ["demo site", "demo site + 3,000 articles"]) {
    it.each(["NEWEST", "OLDEST", "TITLE"] as ArticleOrder[])(`%s (${size})`, async (order) => {
      if (size !== "demo site" && (await logged.article.count({ where: { slug: "bulk-0" } })) === 0) await addPublishedArticles(3000);
      expectIndexSeek(await plan(order, { limit: 11, fromEnd: false }));
      const deep = await positionAt(order, 5);
      expectIndexSeek(await plan(order, { after: deep, limit: 11, fromEnd: false }));
      expectIndexSeek(await plan(order, { before: deep, limit: 11, fromEnd: true }));
    });
  }
});
