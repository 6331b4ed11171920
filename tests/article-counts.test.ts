import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../src/db/client.ts";
import { authorArticleCountsSql } from "../src/read/article-counts.ts";
import { categoryDirectorySql, loadCategoryDirectory } from "../src/read/category-directory.ts";
import { featuredItemsSql } from "../src/read/featured.ts";
import { menusSql } from "../src/read/menus.ts";
import { anonymous } from "../src/domain/viewer.ts";
import { graphql, yogaAt } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { tablesScanned } from "./support/query-plans.ts";
import { unique } from "./support/fixtures.ts";

// Category and author counts come from counts the database keeps, minus scheduled articles:
// exact after every kind of write and as time passes, at a cost that does not grow with the site.

const HOUR = 3_600_000;
const NOW = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 24 * HOUR);

/** The oracle: counted the slow way, from the rows. */
async function countedFromRows(now: Date) {
  const links = await db().articleCategory.findMany({ where: { article: { status: "PUBLISHED", publishedAt: { lte: now } } } });
  const articles = await db().article.findMany({ where: { status: "PUBLISHED", publishedAt: { lte: now } } });
  const byCategory = new Map<number, number>();
  for (const link of links) byCategory.set(link.categoryId, (byCategory.get(link.categoryId) ?? 0) + 1);
  const byAuthor = new Map<number, number>();
  for (const article of articles) byAuthor.set(article.authorId, (byAuthor.get(article.authorId) ?? 0) + 1);
  return { byCategory, byAuthor };
}

async function countedByLantern(now: Date) {
  const categories = (await loadCategoryDirectory(now)).articleCounts;
  const authors = await db().author.findMany({ select: { id: true } });
  const rows = await db().$queryRaw<{ id: number; count: bigint | number }[]>(authorArticleCountsSql(authors.map((a) => a.id), now));
  const nonZero = (entries: [number, number][]) => new Map(entries.filter(([, n]) => n !== 0));
  return { byCategory: nonZero([...categories]), byAuthor: nonZero(rows.map((row) => [row.id, Number(row.count)])) };
}

async function expectExact(now: Date) {
  expect(await countedByLantern(now)).toEqual(await countedFromRows(now));
}

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

describe("category and author counts", () => {
  it("stay exact through every kind of write, and as scheduled articles' times pass", async () => {
    await expectExact(NOW);
    const [first, second] = await db().category.findMany({ take: 2, orderBy: { id: "asc" } });
    const [author, otherAuthor] = await db().author.findMany({ take: 2, orderBy: { id: "asc" } });
    const server = yogaAt(new ManualClock(NOW.getTime()));
    const mutate = async (document: string, variables: Record<string, unknown>) => {
      const { body } = await graphql(document, variables, editor, server);
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const create = async () =>
      (
        await mutate(`mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`, {
          input: { title: `Counted ${unique()}`, body: "<p>x</p>", authorId: encodeGlobalID("Author", author!.id), categoryIds: [encodeGlobalID("Category", first!.id)] },
        })
      ).createArticle.article.id as string;

    const live = await create();
    await mutate(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: live });
    const scheduled = await create();
    await mutate(`mutation ($id: ID!, $at: DateTime!) { publishArticle(id: $id, at: $at) { article { id } } }`, { id: scheduled, at: new Date(NOW.getTime() + HOUR).toISOString() });
    await expectExact(NOW);

    await mutate(`mutation ($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: 2) { article { id } } }`, {
      id: live,
      input: { categoryIds: [encodeGlobalID("Category", second!.id), encodeGlobalID("Category", first!.id)], authorId: encodeGlobalID("Author", otherAuthor!.id) },
    });
    await expectExact(NOW);
    await mutate(`mutation ($id: ID!) { archiveArticle(id: $id) { article { id } } }`, { id: live });
    await expectExact(NOW);
    await mutate(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: live });
    await mutate(`mutation ($id: ID!) { unpublishArticle(id: $id) { article { id } } }`, { id: scheduled });
    await mutate(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: scheduled });
    await expectExact(NOW);

    // Written by hand: a status change, a moved link, a deleted article.
    await db().$executeRaw`UPDATE "Article" SET "status" = 'ARCHIVED' WHERE "id" IN (SELECT "id" FROM "Article" WHERE "status" = 'PUBLISHED' ORDER BY "id" LIMIT 3)`;
    await db().$executeRaw`UPDATE "ArticleCategory" SET "categoryId" = ${second!.id} WHERE "categoryId" = ${first!.id} AND "position" = 0`;
    await db().$executeRaw`DELETE FROM "Article" WHERE "id" = (SELECT MAX("id") FROM "Article" WHERE "status" = 'PUBLISHED')`;
    await expectExact(NOW);

    // Time passes with no write: the demo's article scheduled for 2099 and ours, at their times.
    await expectExact(new Date(NOW.getTime() + HOUR));
    await expectExact(new Date("2099-12-31T00:00:00Z"));
  });
});

const STATEMENTS = {
  "category directory with counts": (now: Date) => categoryDirectorySql(now),
  "author counts": (now: Date) => authorArticleCountsSql([1, 2, 3], now),
  "featured items": (now: Date) => featuredItemsSql(["sidebar"], "live", { viewer: anonymous, now }),
  "menus": (now: Date) => menusSql(["primary"], { viewer: anonymous, now }),
};

/** Grows the site by `count` published articles in one category, with one statement. */
async function addArticles(count: number) {
  const [author] = await db().author.findMany({ take: 1 });
  const [category] = await db().category.findMany({ take: 1 });
  const tag = unique();
  await db().$executeRaw`
    WITH RECURSIVE "n"("i") AS (SELECT 1 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < ${count})
    INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "updatedAt", "authorId")
    SELECT ${`bulk-${tag}-`} || "i", 'Bulk', '<p>b</p>', 'b', 1, 'PUBLISHED', ${new Date(NOW.getTime() - HOUR)}, ${NOW}, ${author!.id} FROM "n"`;
  await db().$executeRaw`
    INSERT INTO "ArticleCategory" ("articleId", "categoryId", "position")
    SELECT "id", ${category!.id}, 0 FROM "Article" WHERE "slug" LIKE ${`bulk-${tag}-%`}`;
}

// Articles and their category links grow with the site; categories, authors and menus stay small.
const GROWING = ["article", "link"];

describe("the statements every page makes", () => {
  it("read no growing table in full, at two sizes of the site", async () => {
    const scannedGrowing = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(STATEMENTS).map(async ([name, sql]) => [name, (await tablesScanned(sql(NOW))).filter((t) => GROWING.includes(t))] as const),
        ),
      );
    const none = Object.fromEntries(Object.keys(STATEMENTS).map((name) => [name, []]));
    expect(await scannedGrowing()).toEqual(none);
    await addArticles(5000);
    await db().$executeRawUnsafe("ANALYZE");
    expect(await scannedGrowing()).toEqual(none);
    await expectExact(NOW);
  });
});
