import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { db } from "../src/db/client.ts";
import { graphql, yogaAt } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { provider } from "./support/database.ts";
import { unique } from "./support/fixtures.ts";
import { ARTICLE_STATUSES, type ArticleStatus } from "../src/domain/visibility.ts";
import type { LanternYoga } from "../src/app/yoga.ts";
import { backfillSearchText } from "../src/write/maintenance/search-text.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { createPreviewLink } from "../src/write/previews.ts";

// Status × publication instant × writer × every read path, against an oracle that compares
// instants. The server's clock is fixed at NOW; articles are written around it through the API
// and by plain SQL (every date form the database takes), and each path must show exactly the
// articles the oracle says.

const NOW = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000); // a whole second, tomorrow UTC
const OFFSETS = { "an hour ago": -3_600_000, "a second ago": -1000, now: 0, "in a second": 1000, "in an hour": 3_600_000 };
type When = keyof typeof OFFSETS | "never";

/** How an instant can be written by hand, and which forms each database takes. */
const DATE_FORMS = {
  "canonical text": (d: Date) => `'${d.toISOString().replace("Z", "+00:00")}'`,
  "ISO text with Z": (d: Date) => `'${d.toISOString()}'`,
  "CURRENT_TIMESTAMP text": (d: Date) => `'${d.toISOString().slice(0, 19).replace("T", " ")}'`,
  "text with another offset": (d: Date) => `'${new Date(d.getTime() + 3_600_000).toISOString().slice(0, 23)}+01:00'`,
  "Unix milliseconds": (d: Date) => String(d.getTime()),
};
type DateForm = keyof typeof DATE_FORMS;
const ACCEPTED_FORMS: Record<typeof provider, DateForm[]> = {
  sqlite: ["canonical text"],
  postgresql: ["canonical text", "ISO text with Z", "CURRENT_TIMESTAMP text", "text with another offset"],
};

interface Row {
  id: string;
  slug: string;
  status: ArticleStatus;
  when: When;
  writer: string;
}

const isLive = (row: Row) => row.status === "PUBLISHED" && row.when !== "never" && OFFSETS[row.when] <= 0;

const word = `Matrixword${unique()}`;
const rows: Row[] = [];
let category: { id: number; slug: string };
let author: { id: number; slug: string };
let menuLocation: string;
let slot: string;
let editor: Record<string, string>;
let server: LanternYoga;
/** A preview link's header, for one hidden article (`previewed`): the preview viewer sees it too. */
let preview: Record<string, string>;
let previewed: Row;

async function link(articleId: number, position: number) {
  await db().articleCategory.create({ data: { articleId, categoryId: category.id, position: 0 } });
  const menu = await db().menu.findUniqueOrThrow({ where: { location: menuLocation } });
  await db().menuItem.create({ data: { menuId: menu.id, position, label: `item ${position}`, articleId } });
  await db().featuredItem.create({ data: { slot, position, articleId } });
}

async function writeThroughApi(status: ArticleStatus, when: When) {
  const slug = `matrix-api-${unique()}`;
  const created = await graphql(
    `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
    {
      input: {
        title: `${word} ${slug}`,
        slug,
        body: `<p>${word}</p>`,
        authorId: encodeGlobalID("Author", author.id),
        categoryIds: [encodeGlobalID("Category", category.id)],
      },
    },
    editor,
  );
  const id: string = created.body.data.createArticle.article.id;
  if (when !== "never") {
    const at = new Date(NOW.getTime() + OFFSETS[when]).toISOString();
    const published = await graphql(`mutation ($id: ID!, $at: DateTime!) { publishArticle(id: $id, at: $at) { article { id } } }`, { id, at }, editor);
    expect(published.body.errors).toBeUndefined();
  }
  if (status === "ARCHIVED") await graphql(`mutation ($id: ID!) { archiveArticle(id: $id) { article { id } } }`, { id }, editor);
  if (status === "DRAFT" && when !== "never") await graphql(`mutation ($id: ID!) { unpublishArticle(id: $id) { article { id } } }`, { id }, editor);
  const stored = await db().article.findFirstOrThrow({ where: { slug } });
  // The API clears the date of a draft: what it writes is what the row says.
  rows.push({ id, slug, status, when: stored.publishedAt ? when : "never", writer: "API" });
  await db().articleCategory.deleteMany({ where: { articleId: stored.id } });
  await link(stored.id, rows.length);
}

/** Inserts the article with a hand-written statement, as an import or a person at a SQL prompt would. */
async function insertBySql(status: ArticleStatus, publishedAt: string): Promise<number> {
  const slug = `matrix-sql-${unique()}`;
  const [row] = await db().$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "updatedAt", "authorId")
     VALUES ('${slug}', '${word} ${slug}', '<p>${word}</p>', '${word}', 1, '${status}', ${publishedAt}, '2026-01-01T00:00:00.000+00:00', ${author.id})
     RETURNING "id"`,
  );
  return row!.id;
}

beforeAll(async () => {
  editor = await tokenHeaders("editor");
  server = yogaAt(new ManualClock(NOW.getTime()), { MAX_COST: "1000000" });
  const tag = unique();
  category = await db().category.create({ data: { slug: `matrix-${tag}`, name: "Matrix" } });
  author = await db().author.create({ data: { slug: `matrix-${tag}`, name: "Matrix Author" } });
  menuLocation = `matrix-${tag}`;
  slot = `matrix-${tag}`;
  await db().menu.create({ data: { location: menuLocation, name: "Matrix" } });

  for (const status of ARTICLE_STATUSES) {
    for (const when of [...(Object.keys(OFFSETS) as When[]), "never" as const]) {
      if (status === "PUBLISHED" || status === "ARCHIVED" || when === "never") await writeThroughApi(status, when);
      for (const form of ACCEPTED_FORMS[provider]) {
        const value = when === "never" ? "NULL" : DATE_FORMS[form](new Date(NOW.getTime() + OFFSETS[when]));
        const id = await insertBySql(status, value);
        const stored = await db().article.findUniqueOrThrow({ where: { id } });
        rows.push({ id: encodeGlobalID("Article", id), slug: stored.slug, status, when, writer: `SQL, ${form}` });
        await link(id, rows.length);
      }
    }
  }
  // Rows written by hand carry no search text; start-up fills it in, as here.
  await backfillSearchText(db());
  previewed = rows.find((row) => row.status === "PUBLISHED" && row.when === "in an hour" && row.writer.startsWith("SQL"))!;
  const { token } = await inTransaction((tx) => createPreviewLink(tx, previewed.id, 3600, NOW, null));
  preview = { "lantern-preview": token };
}, 120_000);

const LISTS = /* GraphQL */ `query ($categorySlug: String!, $authorSlug: String!, $word: String!, $menu: String!, $slot: String!, $ids: [ID!]!) {
  inCategory: articles(first: 100, where: { categorySlug: $categorySlug }) { totalCount nodes { id } }
  byAuthor: articles(first: 100, where: { authorSlug: $authorSlug }) { totalCount nodes { id } }
  search: articles(first: 100, where: { search: $word }) { totalCount nodes { id } }
  category(slug: $categorySlug) { articleCount articles(first: 100) { totalCount nodes { id } } }
  author(slug: $authorSlug) { articleCount articles(first: 100) { totalCount nodes { id } } }
  categories(first: 100, where: { hasArticles: true }) { nodes { slug articleCount } }
  nodes(ids: $ids) { id }
  menu(location: $menu) { items { target { id } } }
  featured(slot: $slot, first: 100) { article { id } }
}`;

const DIRECT = /* GraphQL */ `query ($slug: String!, $id: ID!, $uri: String!) {
  article(slug: $slug) { id breadcrumbs { uri } }
  node(id: $id) { id }
  resolveUri(uri: $uri) { ... on Article { id } }
}`;

const ids = (nodes: ({ id: string } | null)[]) => nodes.flatMap((node) => (node ? [node.id] : [])).sort();
const expected = (which: Row[]) => which.map((row) => row.id).sort();

const previewSees = (row: Row) => isLive(row) || row.id === previewed.id;

describe.each([
  // Featured slots show live articles to everyone, editors included; a preview viewer also its article.
  ["an anonymous reader", () => ({}), isLive, isLive],
  ["an editor", () => editor, () => true, isLive],
  ["a preview viewer (one scheduled article's link)", () => preview, previewSees, previewSees],
])("what %s sees of every status and publication instant", (_who, headers, sees, featuredSees) => {
  it("by slug, id and URI", async () => {
    for (const row of rows) {
      const { body } = await graphql(DIRECT, { slug: row.slug, id: row.id, uri: `/${row.slug}/` }, headers(), server);
      expect(body.errors, `${row.writer} ${row.status} ${row.when}`).toBeUndefined();
      const seen = sees(row) ? row.id : null;
      expect({ row, bySlug: body.data.article?.id ?? null, byId: body.data.node?.id ?? null, byUri: body.data.resolveUri?.id ?? null }).toEqual({
        row,
        bySlug: seen,
        byId: seen,
        byUri: seen,
      });
    }
  });

  it("in lists, search, counts, menus and featured slots", async () => {
    const { body } = await graphql(
      LISTS,
      { categorySlug: category.slug, authorSlug: author.slug, word, menu: menuLocation, slot, ids: rows.map((row) => row.id) },
      headers(),
      server,
    );
    expect(body.errors).toBeUndefined();
    const visible = expected(rows.filter((row) => sees(row)));
    const live = expected(rows.filter(isLive));
    const data = body.data;
    for (const connection of [data.inCategory, data.byAuthor, data.search, data.category.articles, data.author.articles]) {
      expect(ids(connection.nodes)).toEqual(visible);
      expect(connection.totalCount).toBe(visible.length);
    }
    expect(ids(data.nodes)).toEqual(visible);
    expect(ids(data.menu.items.map((item: { target: { id: string } | null }) => item.target))).toEqual(visible);
    // Counts show what readers see, to editors and preview viewers too.
    expect(data.category.articleCount).toBe(live.length);
    expect(data.author.articleCount).toBe(live.length);
    expect(data.categories.nodes.find((node: { slug: string }) => node.slug === category.slug)?.articleCount).toBe(live.length);
    expect(ids(data.featured.map((item: { article: { id: string } }) => item.article))).toEqual(expected(rows.filter((row) => featuredSees(row))));
  });
});

describe("dates written by hand", () => {
  it.each(Object.keys(DATE_FORMS) as DateForm[])("written as %s are stored as the same instant, or refused", async (form) => {
    const at = new Date(NOW.getTime() + 3_600_000);
    const written = insertBySql("PUBLISHED", DATE_FORMS[form](at));
    if (!ACCEPTED_FORMS[provider].includes(form)) {
      await expect(written).rejects.toThrow();
      return;
    }
    const stored = await db().article.findUniqueOrThrow({ where: { id: await written } });
    expect(stored.publishedAt?.getTime()).toBe(form === "CURRENT_TIMESTAMP text" ? Math.floor(at.getTime() / 1000) * 1000 : at.getTime());
  });

  it("refuses a status that is not one of the article statuses", async () => {
    await expect(insertBySql("published" as ArticleStatus, "NULL")).rejects.toThrow();
  });
});
