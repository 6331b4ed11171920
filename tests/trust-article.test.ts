import { describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";

const SEED_TRUST = `{
  article(slug: "the-therapeutic-relationship") {
    author { displayName }
    authors { displayName credentials jobTitle sameAs conflictOfInterest qualifications { kind category name issuer region } }
    medicalReviewers { displayName qualifications { category } }
    reviewedAt nextReviewDue reviewStatus
    factCheckedBy { name } factCheckedAt
    citations { title authors journal year doi pmid doiUrl link }
    corrections { at text }
    disclaimer
  }
}`;

describe("the seed article's trust data", async () => {
  const response = await graphql(SEED_TRUST);
  const article = response.body.data?.article;

  it("answers without errors", () => expect(response.body.errors).toBeUndefined());

  it("keeps the byline and lists the author's credentials, PsyD and the Illinois and New York licences", () => {
    expect(article.author.displayName).toBe("Jonathan Spitz, PsyD");
    const [author] = article.authors;
    expect(article.authors).toHaveLength(1);
    expect(author.credentials).toBe("PsyD");
    expect(author.jobTitle).toBe("Clinical Psychologist");
    expect(author.sameAs).toEqual(["https://www.spitzpsych.com/"]);
    expect(author.qualifications.map((c: { category: string }) => c.category)).toEqual([
      "PsyD",
      "Licensed Psychologist",
      "Licensed Psychologist",
    ]);
    expect(author.qualifications.map((c: { region: string | null }) => c.region)).toEqual([null, "Illinois, US", "New York, US"]);
  });

  it("has a credentialed medical reviewer, a review date and the next one due 24 months later", () => {
    expect(article.medicalReviewers).toEqual([{ displayName: "Maya Okafor, MD", qualifications: [{ category: "MD" }, { category: "Board Certified Psychiatrist" }] }]);
    expect(article.reviewedAt).toBe("2025-09-15T10:00:00.000Z");
    expect(article.nextReviewDue).toBe("2027-09-15T10:00:00.000Z");
    expect(article.factCheckedBy).toEqual({ name: "ARP Staff" });
  });

  it("has three real citations with DOIs turned into links, and one correction", () => {
    expect(article.citations).toHaveLength(3);
    for (const citation of article.citations) {
      expect(citation.doi).toMatch(/^10\.\d{4,9}\//);
      expect(citation.doiUrl).toBe(`https://doi.org/${citation.doi}`);
      expect(citation.link).toBe(citation.doiUrl);
    }
    expect(article.citations[0].doi).toBe("10.1037/pst0000172");
    expect(article.corrections).toHaveLength(1);
    expect(article.disclaimer).toContain("not a substitute for professional care");
  });
});

describe("corrections", () => {
  it("are listed newest first", async () => {
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    for (const [text, at] of [["second", "2024-03-01T00:00:00Z"], ["first", "2023-01-01T00:00:00Z"], ["third", "2025-05-05T00:00:00Z"]]) {
      const added = await graphql(
        `mutation ($id: ID!, $input: CorrectionInput!) { addCorrection(articleId: $id, input: $input) { article { id } } }`,
        { id: article.globalId, input: { text, at } },
        editor,
      );
      expect(added.body.errors).toBeUndefined();
    }
    const read = await graphql(`query ($id: ID!) { node(id: $id) { ... on Article { corrections { text } } } }`, { id: article.globalId }, editor);
    expect(read.body.data.node.corrections.map((c: { text: string }) => c.text)).toEqual(["third", "second", "first"]);
  });
});

describe("unpublished articles' trust data", () => {
  it("is invisible to anonymous callers through every loader, and visible to editors", async () => {
    const editor = await tokenHeaders("editor");
    const article = await draftArticle();
    await db().articleCitation.create({ data: { articleId: article.id, position: 0, title: "CANARY-CITATION", authors: "X" } });
    await db().articleCorrection.create({ data: { articleId: article.id, at: new Date(), text: "CANARY-CORRECTION" } });
    await db().articleTrust.create({ data: { articleId: article.id, reviewedAt: new Date(), disclaimer: "CANARY-DISCLAIMER" } });

    const query = `query ($id: ID!) { node(id: $id) { ... on Article { citations { title } corrections { text } disclaimer reviewedAt } } }`;
    const anonymous = await graphql(query, { id: article.globalId });
    expect(anonymous.body.data.node).toBeNull();
    expect(anonymous.text).not.toContain("CANARY");

    const asEditor = await graphql(query, { id: article.globalId }, editor);
    expect(asEditor.text).toContain("CANARY-CITATION");
    expect(asEditor.text).toContain("CANARY-CORRECTION");
    expect(asEditor.text).toContain("CANARY-DISCLAIMER");
  });

  it("is left out by the loaders themselves for anonymous callers", async () => {
    const { createTrustLoaders } = await import("../src/read/article-trust.ts");
    const article = await draftArticle();
    await db().articleCitation.create({ data: { articleId: article.id, position: 0, title: "CANARY-CITATION", authors: "X" } });
    const anonymous = createTrustLoaders({ viewer: { kind: "anonymous" }, now: new Date() });
    expect(await anonymous.articleTrust.load(article.id)).toEqual({ review: null, contributors: [], citations: [], corrections: [] });
    const editor = createTrustLoaders({ viewer: { kind: "token", tokenId: 1, name: "e", role: "editor", authorId: null }, now: new Date() });
    expect((await editor.articleTrust.load(article.id)).citations.map((c) => c.title)).toEqual(["CANARY-CITATION"]);
  });
});

describe("operations/ArticleTrust.graphql", () => {
  it("runs within the public limits and shows the seed article's review, sources and correction", async () => {
    const { readFileSync } = await import("node:fs");
    const document = readFileSync(new URL("../operations/ArticleTrust.graphql", import.meta.url), "utf8");
    // The seed review (2025-09-15) is due again on 2027-09-15.
    const { createLanternYoga } = await import("../src/app/yoga.ts");
    const { config } = await import("../src/platform/settings.ts");
    const { ManualClock } = await import("./support/clock.ts");
    const response = await graphql(document, {}, {}, createLanternYoga(config(), { clock: new ManualClock(Date.parse("2026-11-26T00:00:00Z")) }));
    expect(response.body.errors).toBeUndefined();
    const article = response.body.data.article;
    expect(article.authors[0].displayName).toBe("Jonathan Spitz, PsyD");
    expect(article.medicalReviewers[0].displayName).toBe("Maya Okafor, MD");
    expect(article.reviewStatus).toBe("REVIEWED");
    expect(article.citations).toHaveLength(3);
    expect(article.corrections).toHaveLength(1);
    expect(article.jsonLd["@type"]).toBe("MedicalWebPage");
  });
});
