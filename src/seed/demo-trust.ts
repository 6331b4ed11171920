import type { Prisma } from "../generated/prisma/client.ts";
import { demoArticleTrust, demoPeople } from "../../prisma/demo/trust.ts";
import { normalizeDoi } from "../domain/scholarly-ids.ts";

/** Loads the demo trust data; safe to run again (every row is replaced or upserted). */
export async function seedDemoTrust(
  tx: Prisma.TransactionClient,
  authorIds: ReadonlyMap<string, number>,
  articleIds: ReadonlyMap<string, number>,
): Promise<void> {
  for (const person of demoPeople) {
    const authorId = required(authorIds, person.authorSlug, "author");
    const profile = { jobTitle: person.jobTitle, sameAs: JSON.stringify(person.sameAs), conflictOfInterest: person.conflictOfInterest };
    await tx.authorProfile.upsert({ where: { authorId }, create: { authorId, ...profile }, update: profile });
    await tx.authorCredential.deleteMany({ where: { authorId } });
    await tx.authorCredential.createMany({ data: person.qualifications.map((c, position) => ({ ...c, authorId, position })) });
  }
  for (const trust of demoArticleTrust) {
    const articleId = required(articleIds, trust.articleSlug, "article");
    await tx.articleContributor.deleteMany({ where: { articleId } });
    await tx.articleContributor.createMany({
      data: trust.contributors.map((c, position) => ({
        articleId,
        authorId: required(authorIds, c.authorSlug, "author"),
        role: c.role,
        position,
      })),
    });
    const review = {
      requestedReviewerId: null,
      requestedAt: null,
      reviewedAt: new Date(trust.reviewedAt),
      nextReviewDue: new Date(trust.nextReviewDue),
      factCheckedAt: new Date(trust.factCheckedAt),
      disclaimer: trust.disclaimer,
    };
    await tx.articleTrust.upsert({ where: { articleId }, create: { articleId, ...review }, update: review });
    await tx.articleCitation.deleteMany({ where: { articleId } });
    await tx.articleCitation.createMany({
      data: trust.citations.map((c, position) => ({ ...c, doi: normalizeDoi(c.doi, "doi"), articleId, position })),
    });
    await tx.articleCorrection.deleteMany({ where: { articleId } });
    await tx.articleCorrection.createMany({ data: trust.corrections.map((c) => ({ articleId, at: new Date(c.at), text: c.text })) });
  }
}

function required(ids: ReadonlyMap<string, number>, slug: string, kind: string): number {
  const id = ids.get(slug);
  if (id == null) throw new Error(`Demo trust data refers to unknown ${kind} "${slug}"`);
  return id;
}
