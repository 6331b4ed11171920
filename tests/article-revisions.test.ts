import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, graphql, yogaAt } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle, seededCategories } from "./support/fixtures.ts";
import { ManualClock } from "./support/clock.ts";
import { db } from "../src/db/client.ts";

let editor: Record<string, string>;
const clock = new ManualClock(Date.parse("2026-03-01T09:00:00.000Z"));
const server = yogaAt(clock);
const at = (iso: string) => clock.advanceTo(new Date(iso));

beforeAll(async () => {
  editor = await tokenHeaders("editor");
});

const UPDATE = `mutation ($id: ID!, $input: UpdateArticleInput!, $v: Int!, $kind: ChangeKind, $note: String) {
  updateArticle(id: $id, input: $input, expectedVersion: $v, kind: $kind, correctionNote: $note) { article { version modifiedAt } }
}`;
const REVISIONS = `query ($slug: String!, $first: Int, $after: String) {
  article(slug: $slug) {
    version status title modifiedAt
    revisions(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { version kind tokenName restoredFromVersion createdAt changes { field before after } }
    }
  }
}`;
const RESTORE = `mutation ($id: ID!, $version: Int!, $v: Int!) {
  restoreArticleRevision(articleId: $id, version: $version, expectedVersion: $v) { article { version title status excerpt categories { id } } }
}`;
const JSON_LD = `query ($slug: String!) { article(slug: $slug) { jsonLd } }`;

const update = (id: string, input: object, v: number, extra: { kind?: string; note?: string } = {}) =>
  graphql(UPDATE, { id, input, v, kind: extra.kind, note: extra.note }, editor, server);

async function publishedArticle() {
  const article = await draftArticle();
  await db().article.update({ where: { id: article.id }, data: { status: "PUBLISHED", publishedAt: new Date("2026-01-10T08:00:00.000Z") } });
  return article;
}

describe("article revisions", () => {
  it("records three updates as three revisions with their field diffs, newest first, for editors only", async () => {
    const article = await draftArticle();
    const [first, second] = await seededCategories(2);
    at("2026-03-01T10:00:00.000Z");
    expect(errorCodes(await update(article.globalId, { title: "Second title" }, 1))).toEqual([]);
    at("2026-03-01T11:00:00.000Z");
    expect(errorCodes(await update(article.globalId, { excerpt: "A summary", categoryIds: [second!.globalId, first!.globalId] }, 2, { kind: "MATERIAL" }))).toEqual([]);
    at("2026-03-01T12:00:00.000Z");
    expect(errorCodes(await update(article.globalId, { excerpt: null, title: "Third title" }, 3))).toEqual([]);

    const response = await graphql(REVISIONS, { slug: article.slug }, editor, server);
    const revisions = response.body.data.article.revisions;
    expect(revisions.totalCount).toBe(3);
    expect(revisions.nodes.map((r: { version: number }) => r.version)).toEqual([4, 3, 2]);
    expect(revisions.nodes.map((r: { kind: string }) => r.kind)).toEqual(["MINOR", "MATERIAL", "MINOR"]);
    expect(revisions.nodes[0].tokenName).toBe("Test editor");
    expect(revisions.nodes[2]).toMatchObject({ createdAt: "2026-03-01T10:00:00.000Z", changes: [{ field: "title", before: article.title, after: "Second title" }] });
    expect(revisions.nodes[1].changes).toEqual([
      { field: "excerpt", before: null, after: "A summary" },
      { field: "categoryIds", before: [first!.globalId], after: [second!.globalId, first!.globalId] },
    ]);
    expect(revisions.nodes[0].changes).toEqual([
      { field: "title", before: "Second title", after: "Third title" },
      { field: "excerpt", before: "A summary", after: null },
    ]);

    const page = await graphql(REVISIONS, { slug: article.slug, first: 2 }, editor, server);
    expect(page.body.data.article.revisions.pageInfo.hasNextPage).toBe(true);
    const rest = await graphql(REVISIONS, { slug: article.slug, first: 2, after: page.body.data.article.revisions.pageInfo.endCursor }, editor, server);
    expect(rest.body.data.article.revisions.nodes.map((r: { version: number }) => r.version)).toEqual([2]);
  });

  it("refuses revisions to anonymous callers", async () => {
    const article = await publishedArticle();
    const response = await graphql(`query ($slug: String!) { article(slug: $slug) { revisions { totalCount } } }`, { slug: article.slug }, {}, server);
    expect(errorCodes(response)).toEqual(["UNAUTHENTICATED"]);
  });

  it("restores an earlier version as a new version: a published article stays published, the history keeps the restore", async () => {
    const article = await publishedArticle();
    const [first, second] = await seededCategories(2);
    await update(article.globalId, { title: "Good edit", excerpt: "Kept summary" }, 1);
    await update(article.globalId, { title: "Bad edit", categoryIds: [second!.globalId], excerpt: null }, 2);
    const restored = await graphql(RESTORE, { id: article.globalId, version: 2, v: 3 }, editor, server);
    expect(errorCodes(restored)).toEqual([]);
    expect(restored.body.data.restoreArticleRevision.article).toEqual({
      version: 4,
      title: "Good edit",
      status: "PUBLISHED",
      excerpt: "<p>Kept summary</p>",
      categories: [{ id: first!.globalId }],
    });
    const history = (await graphql(REVISIONS, { slug: article.slug }, editor, server)).body.data.article.revisions.nodes;
    expect(history.map((r: { version: number }) => r.version)).toEqual([4, 3, 2]);
    expect(history[0]).toMatchObject({ restoredFromVersion: 2, kind: "MINOR" });
    expect(history[0].changes.map((c: { field: string }) => c.field)).toEqual(["title", "excerpt", "categoryIds"]);

    // Back to version 1: every field as the article was created.
    const original = await graphql(RESTORE, { id: article.globalId, version: 1, v: 4 }, editor, server);
    expect(original.body.data.restoreArticleRevision.article).toMatchObject({ version: 5, title: article.title, excerpt: expect.any(String) });
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).excerpt).toBeNull();
  });

  it("refuses a stale restore with the optimistic-concurrency CONFLICT, and an unknown version with NOT_FOUND", async () => {
    const article = await draftArticle();
    await update(article.globalId, { title: "Once" }, 1);
    const stale = await graphql(RESTORE, { id: article.globalId, version: 1, v: 1 }, editor, server);
    expect(errorCodes(stale)).toEqual(["CONFLICT"]);
    expect(stale.body.errors![0]!.extensions).toMatchObject({ currentVersion: 2 });
    expect(errorCodes(await graphql(RESTORE, { id: article.globalId, version: 9, v: 2 }, editor, server))).toEqual(["NOT_FOUND"]);
    expect(errorCodes(await graphql(RESTORE, { id: article.globalId, version: 1, v: 2 }, {}, server))).toEqual(["UNAUTHENTICATED"]);
    expect(await db().articleRevision.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("moves JSON-LD dateModified and makes the review due on a MATERIAL change, never on a MINOR one", async () => {
    const article = await publishedArticle();
    await db().articleTrust.create({
      data: { articleId: article.id, reviewedAt: new Date("2026-01-15T00:00:00.000Z"), nextReviewDue: new Date("2028-01-15T00:00:00.000Z") },
    });
    const dates = async () => {
      const jsonLd = (await graphql(JSON_LD, { slug: article.slug }, {}, server)).body.data.article.jsonLd;
      const { datePublished, dateModified } = jsonLd.mainEntity;
      const reviewStatus = (await graphql(`query ($slug: String!) { article(slug: $slug) { reviewStatus } }`, { slug: article.slug }, editor, server)).body
        .data.article.reviewStatus;
      return { datePublished, dateModified, reviewStatus };
    };
    expect(await dates()).toEqual({ datePublished: "2026-01-10T08:00:00.000Z", dateModified: "2026-01-10T08:00:00.000Z", reviewStatus: "REVIEWED" });

    at("2026-03-02T10:00:00.000Z");
    await update(article.globalId, { title: "Typo fixed" }, 1);
    expect(await dates()).toEqual({ datePublished: "2026-01-10T08:00:00.000Z", dateModified: "2026-01-10T08:00:00.000Z", reviewStatus: "REVIEWED" });

    at("2026-03-03T10:00:00.000Z");
    const material = await update(article.globalId, { body: "<p>New dosage guidance</p>" }, 2, { kind: "MATERIAL" });
    expect(material.body.data.updateArticle.article.modifiedAt).toBe("2026-03-03T10:00:00.000Z");
    expect(await dates()).toEqual({ datePublished: "2026-01-10T08:00:00.000Z", dateModified: "2026-03-03T10:00:00.000Z", reviewStatus: "REVIEW_OVERDUE" });

    at("2026-03-04T10:00:00.000Z");
    await update(article.globalId, { title: "Another typo fixed" }, 3);
    expect((await dates()).dateModified).toBe("2026-03-03T10:00:00.000Z");
  });

  it("requires a correction note for a CORRECTION, records it as the article's correction, and refuses one otherwise", async () => {
    const article = await publishedArticle();
    const missing = await update(article.globalId, { title: "Fixed" }, 1, { kind: "CORRECTION" });
    expect(errorCodes(missing)).toEqual(["BAD_USER_INPUT"]);
    expect(missing.body.errors![0]!.extensions).toMatchObject({ field: "correctionNote" });
    const blank = await update(article.globalId, { title: "Fixed" }, 1, { kind: "CORRECTION", note: "   " });
    expect(errorCodes(blank)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes(await update(article.globalId, { title: "Fixed" }, 1, { note: "A note without a correction" }))).toEqual(["BAD_USER_INPUT"]);
    expect(await db().articleRevision.count({ where: { articleId: article.id } })).toBe(0);

    at("2026-03-05T10:00:00.000Z");
    const corrected = await update(article.globalId, { body: "<p>The dose is 5 mg, not 50 mg.</p>" }, 1, { kind: "CORRECTION", note: "An earlier version gave the dose as 50 mg." });
    expect(errorCodes(corrected)).toEqual([]);
    const corrections = await db().articleCorrection.findMany({ where: { articleId: article.id } });
    expect(corrections.map((c) => ({ text: c.text, at: c.at.toISOString() }))).toEqual([
      { text: "An earlier version gave the dose as 50 mg.", at: "2026-03-05T10:00:00.000Z" },
    ]);
    const [revision] = (await graphql(REVISIONS, { slug: article.slug }, editor, server)).body.data.article.revisions.nodes;
    expect(revision).toMatchObject({ kind: "CORRECTION", changes: [{ field: "body" }] });
  });

  it("keeps no revision for an update that changes no field", async () => {
    const article = await draftArticle();
    await update(article.globalId, { title: article.title }, 1);
    expect(await db().articleRevision.count({ where: { articleId: article.id } })).toBe(0);
    expect(encodeGlobalID("Article", article.id)).toBe(article.globalId);
  });
});
