import { beforeAll, describe, expect, it } from "vitest";
import { graphql, yogaWith } from "./support/graphql.ts";
import { countStatements } from "./support/statements.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { db } from "../src/db/client.ts";

// Every trust field of every article listed, with the people's credentials and the JSON-LD.
const TRUSTED_LIST = /* GraphQL */ `query ($first: Int!) {
  articles(first: $first) {
    nodes {
      title
      authors { displayName jobTitle sameAs conflictOfInterest qualifications { category region } }
      medicalReviewers { displayName qualifications { category } }
      factCheckedBy { name }
      reviewedAt nextReviewDue reviewStatus factCheckedAt disclaimer
      citations { doi link }
      corrections { at text }
      jsonLd
    }
  }
}`;

const FEATURED = /* GraphQL */ `{
  featured(slot: "trust-test", first: 10) { article { reviewStatus reviewedAt medicalReviewers { name } citations { doi } jsonLd } }
}`;

// The list asks for more than the public cost limit allows; statement counts are what is measured.
const server = yogaWith({ MAX_COST: "1000000" });

/** Gives every article trust data: a co-author, a reviewer, a fact checker, citations and corrections. */
async function addTrustToEveryArticle() {
  const articles = await db().article.findMany({ select: { id: true, authorId: true } });
  const people = await db().author.findMany({ orderBy: { id: "asc" }, take: 3 });
  for (const { id, authorId } of articles) {
    const coAuthor = people.find((person) => person.id !== authorId)!;
    await db().articleContributor.createMany({
      data: [
        { articleId: id, authorId: coAuthor.id, role: "AUTHOR", position: 0 },
        { articleId: id, authorId: people[2]!.id, role: "MEDICAL_REVIEWER", position: 0 },
        { articleId: id, authorId: people[1]!.id, role: "FACT_CHECKER", position: 0 },
      ],
    });
    await db().articleCitation.createMany({
      data: [0, 1].map((position) => ({ articleId: id, position, title: `Source ${position}`, authors: "Doe J", doi: `10.1000/${id}.${position}` })),
    });
    await db().articleCorrection.create({ data: { articleId: id, at: new Date("2024-01-01T00:00:00Z"), text: "Fixed." } });
    await db().articleTrust.upsert({
      where: { articleId: id },
      create: { articleId: id, reviewedAt: new Date("2025-01-01T00:00:00Z"), nextReviewDue: new Date("2027-01-01T00:00:00Z") },
      update: {},
    });
  }
}

describe("trust fields cost a constant number of statements", () => {
  beforeAll(async () => {
    await db().articleContributor.deleteMany({});
    await db().articleCitation.deleteMany({});
    await addTrustToEveryArticle();
  });

  it("for 5 or 60 articles, anonymous or editor", async () => {
    for (const headers of [{}, await tokenHeaders("editor")]) {
      // A token records its use (in the background) at most once a minute: mark it used, so nothing is recorded while measuring.
      await db().apiToken.updateMany({ data: { lastUsedAt: new Date() } });
      const counts: number[] = [];
      for (const first of [5, 60]) {
        const { statements, result } = await countStatements(() => graphql(TRUSTED_LIST, { first }, headers, server));
        expect(result.body.errors).toBeUndefined();
        expect(result.body.data.articles.nodes).toHaveLength(first);
        for (const node of result.body.data.articles.nodes) {
          expect(node.authors).toHaveLength(2);
          expect(node.citations).toHaveLength(2);
        }
        counts.push(statements);
      }
      expect(counts[0]).toBe(counts[1]);
    }
  });

  it("through a featured slot of 1 or 8 articles", async () => {
    const articles = await db().article.findMany({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" }, take: 8, select: { id: true } });
    const counts: number[] = [];
    for (const size of [1, 8]) {
      await db().featuredItem.deleteMany({ where: { slot: "trust-test" } });
      await db().featuredItem.createMany({
        data: articles.slice(0, size).map((article, position) => ({ slot: "trust-test", position, articleId: article.id })),
      });
      const { statements, result } = await countStatements(() => graphql(FEATURED, {}, {}, server));
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data.featured).toHaveLength(size);
      for (const item of result.body.data.featured) expect(item.article.citations).toHaveLength(2);
      counts.push(statements);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
