import { beforeAll, describe, expect, it } from "vitest";
import { graphql, errorCodes, LEAKS } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { seededAuthor, seededCategories, unique } from "./support/fixtures.ts";
import { onPostgres } from "./support/database.ts";
import { db } from "../src/db/client.ts";
import { searchEngine } from "../src/read/search/index.ts";
import { parseSearchQuery } from "../src/domain/search-query.ts";

// A fixed corpus, told apart from the demo content by a made-up word (`tag`) in every body;
// every query names it. The same answers on SQLite and PostgreSQL.
const tag = `qz${unique().replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;
let editor: Record<string, string>;
let ids: Record<string, string>;
let categories: { globalId: string; slug: string }[];

const ARTICLE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } } }`;

async function write(title: string, body: string, { publish = true, excerpt, category = 0 }: { publish?: boolean | string; excerpt?: string; category?: number } = {}) {
  const author = await seededAuthor();
  const { body: created } = await graphql(
    ARTICLE,
    { input: { title, body: `<p>${body} ${tag}</p>`, excerpt, authorId: author.globalId, categoryIds: [categories[category]!.globalId] } },
    editor,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data.createArticle.article.id as string;
  if (publish) {
    const at = typeof publish === "string" ? publish : undefined;
    const { body: published } = await graphql(`mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { article { id } } }`, { id, at }, editor);
    expect(published.errors).toBeUndefined();
  }
  return id;
}

const SEARCH = `query ($q: String!, $first: Int, $after: String, $where: SearchWhere) {
  search(query: $q, first: $first, after: $after, where: $where) {
    totalCount
    edges { cursor score snippet node { id title } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function search(q: string, { first = 20, after, where, headers }: { first?: number; after?: string; where?: object; headers?: Record<string, string> } = {}) {
  const { body } = await graphql(SEARCH, { q: `${tag} ${q}`, first, after, where }, headers);
  expect(body.errors).toBeUndefined();
  return body.data.search as {
    totalCount: number;
    edges: { cursor: string; score: number; snippet: string; node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const found = async (q: string, options?: Parameters<typeof search>[1]) => (await search(q, options)).edges.map((edge) => edge.node.id);

beforeAll(async () => {
  editor = await tokenHeaders("editor");
  categories = await seededCategories(2);
  ids = {
    titleMatch: await write("Mindful breathing", "A short note on the evening."),
    excerptMatch: await write("An evening note", "A short note on the evening.", { excerpt: "On mindful breathing" }),
    bodyMatch: await write("A short note", "Some words first, then mindful breathing, then more words about the day."),
    exercise: await write("Daily exercises for calm", "Plain words."),
    phrase: await write("Slow down", "Slow breathing helps at night."),
    reversed: await write("Breath", "Breathing is slow at night."),
    therapy: await write("Therapy basics", "Plain words.", { category: 1 }),
    therapeutic: await write("The therapeutic alliance", "Plain words.", { category: 1 }),
    umlaut: await write("Über Ängste", "Wie man mit Ängsten umgeht."),
    escaped: await write("Markup", 'Text with &lt;script&gt;alert("x")&lt;/script&gt; &amp; sunflower seeds.'),
    draft: await write("Hidden draft sunflower", "Plain words.", { publish: false }),
    scheduled: await write("Scheduled sunflower", "Plain words.", { publish: "2999-01-01T00:00:00Z" }),
  };
});

describe("search ranking and syntax", () => {
  it("ranks a title match above an excerpt match above a body match", async () => {
    expect(await found("mindful breathing")).toEqual([ids.titleMatch, ids.excerptMatch, ids.bodyMatch]);
  });

  it("stems words", async () => {
    expect(await found("exercise")).toEqual([ids.exercise]);
    expect(await found("exercising")).toEqual([ids.exercise]);
  });

  it("matches quoted phrases in order only", async () => {
    expect((await found("slow breathing")).sort()).toEqual([ids.phrase, ids.reversed].sort());
    expect(await found('"slow breathing"')).toEqual([ids.phrase]);
  });

  it("excludes -words", async () => {
    expect(await found("breathing -mindful")).toEqual(expect.arrayContaining([ids.phrase, ids.reversed]));
    expect(await found("breathing -mindful")).toHaveLength(2);
    expect(await found('breathing -"slow breathing"')).not.toContain(ids.phrase);
  });

  it("takes the last word as a prefix", async () => {
    expect((await found("therap")).sort()).toEqual([ids.therapy, ids.therapeutic].sort());
    // Not when the query ends in a space (the word is finished).
    expect(await found("therap ")).toEqual([]);
  });

  it("ignores case and diacritics", async () => {
    expect(await found("angste")).toEqual([ids.umlaut]);
    expect(await found("ÜBER ÄNGSTE")).toEqual([ids.umlaut]);
  });

  it("cuts snippets: HTML-escaped, the matched words in <mark>", async () => {
    const [edge] = (await search("sunflower")).edges;
    expect(edge!.node.id).toBe(ids.escaped);
    expect(edge!.snippet).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>sunflower</mark>");
    expect(edge!.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    const [stemmed] = (await search("exercise")).edges;
    expect(stemmed!.snippet).not.toContain("<mark>Plain");
    const [body] = (await search("mindful breathing")).edges.slice(2);
    expect(body!.snippet).toContain("<mark>mindful</mark> <mark>breathing</mark>");
    expect(body!.snippet.split(/\s+/).length).toBeLessThanOrEqual(30);
  });

  it("counts results and their categories", async () => {
    const { body } = await graphql(`query ($q: String!) { search(query: $q) { totalCount facets { categories { category { slug } count } } } }`, {
      q: `${tag} therap`,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.search.totalCount).toBe(2);
    expect(body.data.search.facets.categories).toEqual([{ category: { slug: categories[1]!.slug }, count: 2 }]);
    const filtered = await found("breathing", { where: { categorySlug: categories[1]!.slug } });
    expect(filtered).toEqual([]);
  });

  it("never finds drafts or scheduled articles for anonymous callers; editors filter by status", async () => {
    expect(await found("sunflower")).toEqual([ids.escaped]);
    expect((await search("sunflower")).totalCount).toBe(1);
    expect((await found("sunflower", { headers: editor, where: { status: "DRAFT" } }))).toEqual([ids.draft]);
    const { body } = await graphql(SEARCH, { q: "sunflower", where: { status: "DRAFT" } });
    expect(errorCodes({ body } as never)).toEqual(["BAD_USER_INPUT"]);
  });

  it("articles(where: { search }) uses the same index", async () => {
    const { body } = await graphql(`query ($s: String!) { articles(first: 10, where: { search: $s }) { totalCount nodes { id } } }`, { s: `${tag} exercises` });
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.nodes.map((node: { id: string }) => node.id)).toEqual([ids.exercise]);
  });
});

describe("hostile queries", () => {
  const hostile = [
    '"', '""', '"unclosed', "(", ")", "((a)", "NEAR(a b)", "a NEAR b", "*", "a*", "*a", ":", "a:b", "title:x", "bodyText:x",
    "AND", "OR", "NOT", "a AND OR NOT b", "-", "--", "- -a", "!a", "a & b", "a | b", "a <-> b", "a:*", "'", "''", "\\", "^a", "+a",
    "{a b}", "a OR", "NOT a", "😀", "ﬁ", "a".repeat(200),
  ];
  // (A NUL is refused for every argument of every field, before any resolver: src/graphql/safety/request-input.ts.)
  it("answers every query as text, never with an error", async () => {
    for (const q of hostile) {
      const { body } = await graphql(`query ($q: String!) { search(query: $q, first: 3) { totalCount edges { snippet } } }`, { q: q.slice(0, 200) });
      expect(body.errors, JSON.stringify(q)).toBeUndefined();
    }
  });
  it("refuses only a query over 200 characters, with a code", async () => {
    for (const length of [201, 10_000]) {
      const { body } = await graphql(`query ($q: String!) { search(query: $q) { totalCount } }`, { q: "(".repeat(length) });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(body)).not.toMatch(LEAKS);
      const { body: articles } = await graphql(`query ($q: String!) { articles(where: { search: $q }) { totalCount } }`, { q: "a".repeat(length) });
      expect(articles.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("paging", () => {
  it("pages 5 at a time through 40 results, tied scores included, without repeats or gaps", async () => {
    const author = await seededAuthor();
    const word = `pg${tag}`;
    const sameInstant = new Date("2024-05-01T00:00:00Z");
    const titles = Array.from({ length: 40 }, (_, i) => ({
      // Pairs of identical articles at the same instant: equal scores, told apart by id.
      title: `Paging ${i % 2 === 0 ? "alpha" : "beta"} ${word}`,
      publishedAt: i < 20 ? sameInstant : new Date(Date.UTC(2024, 0, 1 + (i % 10))),
    }));
    for (const [i, { title, publishedAt }] of titles.entries()) {
      await db().article.create({
        data: {
          slug: `paging-${word}-${i}`, title, body: `<p>${word}</p>`, bodyText: word, wordCount: 1,
          status: "PUBLISHED", publishedAt, authorId: author.id,
        },
      });
    }
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    const scores: number[] = [];
    for (;;) {
      const { body } = await graphql(SEARCH, { q: word, first: 5, after });
      expect(body.errors).toBeUndefined();
      const page = body.data.search;
      expect(page.edges.length).toBeLessThanOrEqual(5);
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      scores.push(...page.edges.map((edge: { score: number }) => edge.score));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(8);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const { body: all } = await graphql(SEARCH, { q: word, first: 40 });
    expect(all.data.search.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(seen);
    expect(all.data.search.totalCount).toBe(40);
  });

  it("refuses a cursor of another list", async () => {
    const { body: list } = await graphql(`{ articles(first: 1) { pageInfo { endCursor } } }`);
    const { body } = await graphql(SEARCH, { q: "therapy", after: list.data.articles.pageInfo.endCursor });
    expect(errorCodes({ body } as never)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("the index", () => {
  it("follows create, update, unpublish and delete", async () => {
    const word = `ix${tag}`;
    const id = await write(`Kept ${word}`, "Plain words.");
    expect(await found(word)).toEqual([id]);
    const { body: read } = await graphql(`query ($id: ID!) { node(id: $id) { ... on Article { version } } }`, { id }, editor);
    const { body: updated } = await graphql(
      `mutation ($id: ID!, $v: Int!) { updateArticle(id: $id, expectedVersion: $v, input: { title: "Renamed", body: "<p>gone</p>" }) { article { id } } }`,
      { id, v: read.data.node.version },
      editor,
    );
    expect(updated.errors).toBeUndefined();
    expect(await found(word)).toEqual([]);
    expect(await found("renamed gone")).toEqual([]); // the tag went with the body
    const { body: renamed } = await graphql(SEARCH, { q: "renamed gone" });
    expect(renamed.data.search.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
    await graphql(`mutation ($id: ID!) { unpublishArticle(id: $id) { article { id } } }`, { id }, editor);
    const { body: unpublished } = await graphql(SEARCH, { q: "renamed gone" });
    expect(unpublished.data.search.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(id);
    await graphql(`mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }`, { id }, editor);
    expect((await searchEngine().check()).ok).toBe(true);
  });

  it("is what the search statement reads (the plan)", async () => {
    // An editor's search (no visibility condition), so that the plan has only the index to choose.
    const viewer = { kind: "token", tokenId: 1, name: "plan", role: "editor", authorId: null } as const;
    const request = { query: parseSearchQuery("therapy "), filter: { categoryIds: null }, scope: { viewer, now: new Date() } };
    const statement = searchEngine().hitsSql(request, { limit: 5, fromEnd: false });
    if (onPostgres) {
      const plan = await db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${statement.text}`, ...statement.values);
      });
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Article_searchVector_idx");
    } else {
      const plan = await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values);
      const details = plan.map((row) => row.detail).join("\n");
      expect(details).toMatch(/SCAN ArticleSearch VIRTUAL TABLE INDEX/);
      expect(details).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    }
  });
});
