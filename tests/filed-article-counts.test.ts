import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../src/generated/prisma/client.ts";
import { db } from "../src/db/client.ts";
import { filedArticleCountSql } from "../src/read/filed-article-counts.ts";
import { loadCategoryDirectory } from "../src/read/category-directory.ts";
import { anonymous } from "../src/domain/viewer.ts";
import { graphql, yogaAt } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { tablesScanned } from "./support/query-plans.ts";
import { countStatements } from "./support/statements.ts";
import { unique } from "./support/fixtures.ts";

// A category-filtered list's totalCount reads the category links' copies of each article's
// status, publication instant and author, and an author-filtered one the author's kept count:
// the same answer as counting the articles, kept in step by the database whatever writes the
// rows, at a cost that follows the category, not the site.

const HOUR = 3_600_000;
const NOW = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 24 * HOUR);
const server = yogaAt(new ManualClock(NOW.getTime()));
let editor: Record<string, string>;

const COUNT = /* GraphQL */ `query ($where: ArticleWhere) { articles(first: 1, where: $where) { totalCount } }`;

async function totalCount(where: Record<string, unknown>, headers?: Record<string, string>) {
  const { body } = await graphql(COUNT, { where }, headers, server);
  expect(body.errors).toBeUndefined();
  return body.data.articles.totalCount as number;
}

/** The oracle: the articles themselves, counted with Prisma. */
async function countedFromArticles(where: Record<string, string>, asEditor: boolean) {
  const directory = await loadCategoryDirectory(NOW);
  const category = where.categorySlug ? directory.bySlug.get(where.categorySlug) : undefined;
  const filter: Prisma.ArticleWhereInput = {
    ...(asEditor ? {} : { status: "PUBLISHED", publishedAt: { lte: NOW } }),
    ...(where.categorySlug ? { categories: { some: { categoryId: { in: category ? directory.descendantIds(category.id) : [] } } } } : {}),
    ...(where.authorSlug ? { author: { slug: where.authorSlug } } : {}),
    ...(where.status ? { status: where.status } : {}),
  };
  return db().article.count({ where: filter });
}

/** Every author alone; the parent categories and a few leaves alone and with every author. */
async function everyFilter() {
  const [categories, authors] = await Promise.all([
    db().category.findMany({ select: { slug: true, parentId: true, children: { select: { id: true } } }, orderBy: { slug: "asc" } }),
    db().author.findMany({ select: { slug: true } }),
  ]);
  const parents = categories.filter((category) => category.children.length > 0);
  const leaves = categories.filter((category) => category.children.length === 0);
  const combined = [...parents, ...leaves.filter((category) => category.parentId != null).slice(0, 2)];
  return [
    ...[...parents, ...leaves.slice(0, 4)].map(({ slug }) => ({ categorySlug: slug })),
    ...combined.flatMap(({ slug }) => authors.map((author) => ({ categorySlug: slug, authorSlug: author.slug }))),
    ...authors.map(({ slug }) => ({ authorSlug: slug })),
    { categorySlug: "no-such-category" },
    { authorSlug: "no-such-author" },
  ];
}

async function expectExact() {
  for (const where of await everyFilter()) {
    expect({ where, count: await totalCount(where) }).toEqual({ where, count: await countedFromArticles(where, false) });
    const drafts = { ...where, status: "DRAFT" };
    expect({ drafts, count: await totalCount(drafts, editor) }).toEqual({ drafts, count: await countedFromArticles(drafts, true) });
  }
}

/** Links whose copies differ from their article. */
async function linksOutOfStep() {
  const links = await db().articleCategory.findMany({ include: { article: { select: { status: true, publishedAt: true, authorId: true } } } });
  return links.filter(
    (link) => link.status !== link.article.status || link.publishedAt?.getTime() !== link.article.publishedAt?.getTime() || link.authorId !== link.article.authorId,
  );
}

beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

describe("category- and author-filtered counts", () => {
  it("equal the articles counted, through every kind of write and as time passes", async () => {
    expect(await linksOutOfStep()).toEqual([]);
    await expectExact();

    const psychotherapy = await db().category.findUniqueOrThrow({ where: { slug: "psychotherapy" }, include: { children: true } });
    const [author, otherAuthor] = await db().author.findMany({ take: 2, orderBy: { id: "asc" } });
    const mutate = async (document: string, variables: Record<string, unknown>) => {
      const { body } = await graphql(document, variables, editor, server);
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const create = async (categoryIds: number[]) =>
      (
        await mutate(`mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`, {
          input: {
            title: `Filed ${unique()}`, body: "<p>x</p>", authorId: encodeGlobalID("Author", author!.id),
            categoryIds: categoryIds.map((id) => encodeGlobalID("Category", id)),
          },
        })
      ).createArticle.article.id as string;

    // Filed in a category and in one below it: counted once under the parent.
    const both = await create([psychotherapy.children[0]!.id, psychotherapy.id]);
    await mutate(`mutation ($id: ID!) { publishArticle(id: $id) { article { id } } }`, { id: both });
    const scheduled = await create([psychotherapy.children[1]!.id]);
    await mutate(`mutation ($id: ID!, $at: DateTime!) { publishArticle(id: $id, at: $at) { article { id } } }`, { id: scheduled, at: new Date(NOW.getTime() + HOUR).toISOString() });
    await expectExact();

    await mutate(`mutation ($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: 2) { article { id } } }`, {
      id: both,
      input: { authorId: encodeGlobalID("Author", otherAuthor!.id), categoryIds: [encodeGlobalID("Category", psychotherapy.children[2]!.id)] },
    });
    await mutate(`mutation ($id: ID!) { archiveArticle(id: $id) { article { id } } }`, { id: scheduled });
    await expectExact();

    // Written by hand, past the API: the copies follow the articles.
    await db().$executeRaw`UPDATE "Article" SET "status" = 'ARCHIVED' WHERE "id" IN (SELECT "id" FROM "Article" WHERE "status" = 'PUBLISHED' ORDER BY "id" LIMIT 3)`;
    await db().$executeRaw`UPDATE "Article" SET "authorId" = ${otherAuthor!.id} WHERE "id" IN (SELECT "id" FROM "Article" WHERE "status" = 'PUBLISHED' ORDER BY "id" DESC LIMIT 2)`;
    await db().$executeRaw`INSERT INTO "ArticleCategory" ("articleId", "categoryId", "position") SELECT "id", ${psychotherapy.id}, 9 FROM "Article" WHERE "status" = 'PUBLISHED' AND "id" NOT IN (SELECT "articleId" FROM "ArticleCategory" WHERE "categoryId" = ${psychotherapy.id}) LIMIT 2`;
    expect(await linksOutOfStep()).toEqual([]);
    await expectExact();
  });

  it("keep the copies the database's: a link cannot be written out of step with its article", async () => {
    const link = await db().articleCategory.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    // SQLite refuses the write; PostgreSQL's trigger writes the article's values over it.
    await db().$executeRaw`UPDATE "ArticleCategory" SET "status" = 'DRAFT', "authorId" = NULL WHERE "articleId" = ${link.articleId} AND "categoryId" = ${link.categoryId}`.catch(() => 0);
    await db().$executeRaw`INSERT INTO "ArticleCategory" ("articleId", "categoryId", "position", "status", "publishedAt") SELECT "id", ${link.categoryId}, 5, 'PUBLISHED', ${NOW} FROM "Article" WHERE "status" = 'DRAFT' AND "id" NOT IN (SELECT "articleId" FROM "ArticleCategory" WHERE "categoryId" = ${link.categoryId}) LIMIT 1`;
    expect(await linksOutOfStep()).toEqual([]);
  });
});

/** Grows one category by `count` published articles with one statement each for the rows and the links. */
async function addArticles(count: number, categorySlug: string) {
  const [author] = await db().author.findMany({ take: 1 });
  const category = await db().category.findUniqueOrThrow({ where: { slug: categorySlug } });
  const tag = unique();
  await db().$executeRaw`
    WITH RECURSIVE "n"("i") AS (SELECT 1 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < ${count})
    INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "updatedAt", "authorId")
    SELECT ${`filed-${tag}-`} || "i", 'Filed', '<p>b</p>', 'b', 1, 'PUBLISHED', ${new Date(NOW.getTime() - HOUR)}, ${NOW}, ${author!.id} FROM "n"`;
  await db().$executeRaw`
    INSERT INTO "ArticleCategory" ("articleId", "categoryId", "position")
    SELECT "id", ${category.id}, 0 FROM "Article" WHERE "slug" LIKE ${`filed-${tag}-%`}`;
}

describe("a category-filtered count's statement", () => {
  it("is one statement that reads neither the article rows nor any table in full, at two sizes of the site", async () => {
    const directory = await loadCategoryDirectory(NOW);
    const psychotherapy = directory.bySlug.get("psychotherapy")!;
    const statements = [
      filedArticleCountSql({ categoryIds: directory.descendantIds(psychotherapy.id) }, { viewer: anonymous, now: NOW }),
      filedArticleCountSql({ categoryIds: [psychotherapy.id], authorSlug: "arp-staff", publishedAfter: new Date(0) }, { viewer: anonymous, now: NOW }),
    ];
    for (const statement of statements) expect(statement.sql).not.toMatch(/"Article"/);
    const plans = async () => Promise.all(statements.map((statement) => tablesScanned(statement)));
    expect(await plans()).toEqual([[], []]);
    const cost = async () => [
      (await countStatements(() => totalCount({ categorySlug: "psychotherapy", authorSlug: "arp-staff" }))).statements,
      (await countStatements(() => totalCount({ authorSlug: "arp-staff" }))).statements,
    ];
    const small = await cost();
    // the category tree (the request's one read of it) and the count; the author's kept count
    expect(small).toEqual([2, 1]);
    await addArticles(5000, "mindfulness");
    await db().$executeRawUnsafe("ANALYZE");
    expect(await plans()).toEqual([[], []]);
    expect(await cost()).toEqual(small);
  });
});
