import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql, errorCodes, type GraphQLResponse } from "./support/graphql.ts";
import { bearer, revokedTokenHeaders, tokenHeaders } from "./support/tokens.ts";
import { draftArticle, emptyAuthor } from "./support/fixtures.ts";
import { contentSnapshot } from "./support/content-snapshot.ts";
import { createApiToken } from "../src/auth/tokens.ts";
import { createLanternYoga } from "../src/app/yoga.ts";
import { config } from "../src/platform/settings.ts";
import { ManualClock } from "./support/clock.ts";
import { db } from "../src/db/client.ts";

const REQUEST = `mutation ($a: ID!, $r: ID!) { requestReview(articleId: $a, reviewerId: $r) { article { reviewStatus } } }`;
const APPROVE = `mutation ($a: ID!, $n: String) { approveReview(articleId: $a, notes: $n) { article { reviewStatus reviewedAt nextReviewDue } } }`;

async function credentialedPerson() {
  const person = await emptyAuthor();
  await db().authorCredential.create({ data: { authorId: person.id, position: 0, kind: "DEGREE", category: "MD", name: "Doctor of Medicine" } });
  return person;
}

async function tokenFor(authorId: number, role: "editor" | "admin" = "editor") {
  const { token } = await createApiToken(db(), { name: "Reviewer", role, authorId });
  return bearer(token);
}

describe("the review workflow's authorization", () => {
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    editor = await tokenHeaders("editor");
    admin = await tokenHeaders("admin");
  });

  it("requestReview: editors and admins may; anonymous and revoked tokens may not; the reviewer must hold a credential", async () => {
    const article = await draftArticle();
    const reviewer = await credentialedPerson();
    const uncredentialed = await emptyAuthor();
    const vars = { a: article.globalId, r: reviewer.globalId };

    expect(errorCodes(await graphql(REQUEST, vars))).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes(await graphql(REQUEST, vars, await revokedTokenHeaders()))).toEqual(["UNAUTHENTICATED"]);
    const before = await contentSnapshot();
    expect(errorCodes(await graphql(REQUEST, { ...vars, r: uncredentialed.globalId }, editor))).toEqual(["BAD_USER_INPUT"]);
    expect(await contentSnapshot()).toEqual(before);

    for (const headers of [editor, admin]) {
      const requested = await graphql(REQUEST, vars, headers);
      expect(requested.body.errors).toBeUndefined();
      expect(requested.body.data.requestReview.article.reviewStatus).toBe("IN_REVIEW");
    }
  });

  it("approveReview: only the assigned reviewer, through a token that acts for them, while holding a credential", async () => {
    const article = await draftArticle();
    const reviewer = await credentialedPerson();
    const other = await credentialedPerson();
    const vars = { a: article.globalId, n: "Checked against the cited meta-analyses." };

    // Nothing requested yet.
    expect(errorCodes(await graphql(APPROVE, vars, await tokenFor(reviewer.id)))).toEqual(["CONFLICT"]);
    expect((await graphql(REQUEST, { a: article.globalId, r: reviewer.globalId }, editor)).body.errors).toBeUndefined();

    expect(errorCodes(await graphql(APPROVE, vars))).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes(await graphql(APPROVE, vars, await revokedTokenHeaders()))).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes(await graphql(APPROVE, vars, editor))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(APPROVE, vars, admin))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(APPROVE, vars, await tokenFor(other.id)))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(APPROVE, vars, await tokenFor(other.id, "admin")))).toEqual(["FORBIDDEN"]);

    // The assigned reviewer whose credential was withdrawn meanwhile.
    const reviewerToken = await tokenFor(reviewer.id);
    const credentials = await db().authorCredential.findMany({ where: { authorId: reviewer.id } });
    await db().authorCredential.deleteMany({ where: { authorId: reviewer.id } });
    expect(errorCodes(await graphql(APPROVE, vars, reviewerToken))).toEqual(["FORBIDDEN"]);
    await db().authorCredential.createMany({ data: credentials });

    const approved = await graphql(APPROVE, vars, reviewerToken);
    expect(approved.body.errors).toBeUndefined();
    const { reviewStatus, reviewedAt, nextReviewDue } = approved.body.data.approveReview.article;
    expect(reviewStatus).toBe("REVIEWED");
    const months = (new Date(nextReviewDue).getUTCFullYear() - new Date(reviewedAt).getUTCFullYear()) * 12 +
      new Date(nextReviewDue).getUTCMonth() - new Date(reviewedAt).getUTCMonth();
    expect(months).toBe(24);

    const read = await graphql(
      `query ($id: ID!) { node(id: $id) { ... on Article { medicalReviewers { id } reviewNotes requestedReviewer { id } } } }`,
      { id: article.globalId },
      editor,
    );
    expect(read.body.data.node).toEqual({ medicalReviewers: [{ id: reviewer.globalId }], reviewNotes: vars.n, requestedReviewer: null });
    // Approving again needs a new request.
    expect(errorCodes(await graphql(APPROVE, vars, reviewerToken))).toEqual(["CONFLICT"]);
  });

  it("addCorrection and articlesDueForReview are for editors only", async () => {
    const article = await draftArticle();
    const add = `mutation ($a: ID!) { addCorrection(articleId: $a, input: { text: "Fixed a date." }) { article { id } } }`;
    expect(errorCodes(await graphql(add, { a: article.globalId }))).toEqual(["UNAUTHENTICATED"]);
    expect((await graphql(add, { a: article.globalId }, editor)).body.errors).toBeUndefined();
    const due = `{ articlesDueForReview(first: 5) { nodes { id } } }`;
    const anonymous = await graphql(due);
    expect(errorCodes(anonymous)).toEqual(["UNAUTHENTICATED"]);
    expect(anonymous.body.data).toBeNull();
  });
});

describe("review status with an injected clock", () => {
  it("flips from REVIEWED to REVIEW_OVERDUE when nextReviewDue passes, and the due list follows", async () => {
    const clock = new ManualClock(Date.parse("2030-01-31T12:00:00.000Z"));
    const server = createLanternYoga(config(), { clock });
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    const reviewer = await credentialedPerson();
    const send = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
      graphql(query, variables, headers, server);

    expect((await send(REQUEST, { a: article.globalId, r: reviewer.globalId }, editor)).body.errors).toBeUndefined();
    const approved = await send(APPROVE, { a: article.globalId }, await tokenFor(reviewer.id));
    expect(approved.body.data.approveReview.article).toEqual({
      reviewStatus: "REVIEWED",
      reviewedAt: "2030-01-31T12:00:00.000Z",
      nextReviewDue: "2032-01-31T12:00:00.000Z",
    });

    const status = `query ($id: ID!) { node(id: $id) { ... on Article { reviewStatus } } }`;
    const due = `query { articlesDueForReview(first: 100, withinDays: 0) { totalCount nodes { id } } }`;
    const dueIds = async () => (await send(due, {}, editor)).body.data.articlesDueForReview.nodes.map((n: { id: string }) => n.id);

    clock.advanceTo(new Date("2032-01-31T11:59:59.999Z"));
    expect((await send(status, { id: article.globalId }, editor)).body.data.node.reviewStatus).toBe("REVIEWED");
    expect(await dueIds()).not.toContain(article.globalId);

    clock.advanceTo(new Date("2032-01-31T12:00:00.000Z"));
    expect((await send(status, { id: article.globalId }, editor)).body.data.node.reviewStatus).toBe("REVIEW_OVERDUE");
    expect(await dueIds()).toContain(article.globalId);
  });

  it("uses the site's review interval", async () => {
    const server = createLanternYoga(config(), { clock: new ManualClock(Date.parse("2031-03-31T00:00:00.000Z")) });
    const admin = await tokenHeaders("admin");
    const set = await graphql(
      `mutation { updateEditorialSettings(input: { reviewIntervalMonths: 11 }) { site { reviewIntervalMonths } } }`,
      {},
      admin,
      server,
    );
    expect(set.body.data.updateEditorialSettings.site.reviewIntervalMonths).toBe(11);
    const article = await draftArticle();
    const reviewer = await credentialedPerson();
    await graphql(REQUEST, { a: article.globalId, r: reviewer.globalId }, admin, server);
    const approved = await graphql(APPROVE, { a: article.globalId }, await tokenFor(reviewer.id), server);
    // 11 months after March 31 is February, clamped to its last day.
    expect(approved.body.data.approveReview.article.nextReviewDue).toBe("2032-02-29T00:00:00.000Z");
    await graphql(`mutation { updateEditorialSettings(input: { reviewIntervalMonths: 24 }) { site { reviewIntervalMonths } } }`, {}, admin, server);
  });
});

describe("citations", () => {
  const SET = `mutation ($a: ID!, $c: [CitationInput!]!) { updateArticleTrust(articleId: $a, input: { citations: $c }) { article { citations { doi pmid doiUrl pubmedUrl link } } } }`;
  const base = { title: "A study", authors: "Doe J" };

  it("normalizes DOIs and PMIDs and turns them into links", async () => {
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    const saved = await graphql(
      SET,
      { a: article.globalId, c: [{ ...base, doi: "https://doi.org/10.1037/PST0000172" }, { ...base, pmid: "PMID: 21401273" }, { ...base, doi: "doi:10.1002/wps.20238", pmid: "26407772" }] },
      editor,
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data.updateArticleTrust.article.citations).toEqual([
      { doi: "10.1037/pst0000172", pmid: null, doiUrl: "https://doi.org/10.1037/pst0000172", pubmedUrl: null, link: "https://doi.org/10.1037/pst0000172" },
      { doi: null, pmid: "21401273", doiUrl: null, pubmedUrl: "https://pubmed.ncbi.nlm.nih.gov/21401273/", link: "https://pubmed.ncbi.nlm.nih.gov/21401273/" },
      { doi: "10.1002/wps.20238", pmid: "26407772", doiUrl: "https://doi.org/10.1002/wps.20238", pubmedUrl: "https://pubmed.ncbi.nlm.nih.gov/26407772/", link: "https://doi.org/10.1002/wps.20238" },
    ]);
  });

  it.each([
    ["doi", "10.1037"],
    ["doi", "11.1037/abc"],
    ["doi", "10.12/abc"],
    ["doi", "10.1037/has space"],
    ["doi", "10.1037/<script>"],
    ["doi", "https://example.org/10.1037/abc"],
    ["doi", "doi:"],
    ["pmid", "0123"],
    ["pmid", "12a45"],
    ["pmid", "1234567890"],
    ["pmid", "-5"],
    ["pmid", "PMC1234567"],
  ])("refuses the malformed %s %j with BAD_USER_INPUT and changes nothing", async (field, value) => {
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    const kept = await graphql(SET, { a: article.globalId, c: [{ ...base, doi: "10.1037/pst0000172" }] }, editor);
    expect(kept.body.errors).toBeUndefined();
    const before = await db().articleCitation.findMany({ where: { articleId: article.id } });

    const refused = await graphql(SET, { a: article.globalId, c: [{ ...base, title: "second" }, { ...base, [field]: value }] }, editor);
    expect(errorCodes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.body.errors![0]!.extensions!.field).toBe(`input.citations.1.${field}`);
    expect(await db().articleCitation.findMany({ where: { articleId: article.id } })).toEqual(before);
  });
});

describe("authors", () => {
  it("several authors in order; Article.author stays the first", async () => {
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    const [a, b, c] = [await emptyAuthor(), await emptyAuthor(), await emptyAuthor()];
    const set = await graphql(
      `mutation ($a: ID!, $ids: [ID!]!) { updateArticleTrust(articleId: $a, input: { authorIds: $ids }) { article { author { id } authors { id } } } }`,
      { a: article.globalId, ids: [b.globalId, a.globalId, c.globalId] },
      editor,
    );
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.updateArticleTrust.article).toEqual({
      author: { id: b.globalId },
      authors: [{ id: b.globalId }, { id: a.globalId }, { id: c.globalId }],
    });
    const unknown = encodeGlobalID("Author", 999999);
    const refused = await graphql(
      `mutation ($a: ID!, $ids: [ID!]!) { updateArticleTrust(articleId: $a, input: { authorIds: $ids }) { article { id } } }`,
      { a: article.globalId, ids: [a.globalId, unknown] },
      editor,
    );
    expect(errorCodes(refused)).toEqual(["NOT_FOUND"]);
  });
});

describe("articlesDueForReview", () => {
  it("pages through due articles soonest first, and refuses cursors it did not issue", async () => {
    const editor = await tokenHeaders("editor");
    const server = createLanternYoga(config(), { clock: new ManualClock(Date.parse("2040-01-01T00:00:00Z")) });
    const dues = ["2040-01-20T00:00:00Z", "2039-06-01T00:00:00Z", "2040-01-20T00:00:00Z", "2040-03-01T00:00:00Z"];
    const articles: Awaited<ReturnType<typeof draftArticle>>[] = [];
    for (const due of dues) {
      const article = await draftArticle();
      await db().articleTrust.create({ data: { articleId: article.id, reviewedAt: new Date("2038-01-01T00:00:00Z"), nextReviewDue: new Date(due) } });
      articles.push(article);
    }
    const page = `query ($after: String) { articlesDueForReview(first: 1, after: $after, withinDays: 30) { totalCount pageInfo { hasNextPage endCursor } nodes { id nextReviewDue } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await graphql(page, { after }, editor, server);
      expect(response.body.errors).toBeUndefined();
      const connection: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } =
        response.body.data.articlesDueForReview;
      seen.push(...connection.nodes.map((node) => node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // Due by 2040-01-31: the overdue one, then the two of 2040-01-20 by id; not the one of March.
    const mine = seen.filter((id) => articles.some((a) => a.globalId === id));
    expect(mine).toEqual([articles[1]!.globalId, articles[0]!.globalId, articles[2]!.globalId]);

    const refused = await graphql(page, { after: "bm90LWEtY3Vyc29y" }, editor, server);
    expect(errorCodes(refused)).toEqual(["BAD_USER_INPUT"]);
    const tooFar = await graphql(`{ articlesDueForReview(withinDays: 5000) { totalCount } }`, {}, editor, server);
    expect(errorCodes(tooFar)).toEqual(["BAD_USER_INPUT"]);
  });
});
