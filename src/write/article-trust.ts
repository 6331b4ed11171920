import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { badInput, codedError } from "../domain/errors.ts";
import { isEditor, type Viewer } from "../domain/viewer.ts";
import { existingArticle, existingAuthor } from "./lookups.ts";
import { decodeNodeId } from "../domain/global-ids.ts";
import { REVIEWER_RULE, requireVouchingRights, reviewerIneligibility } from "./review-authority.ts";
import { type RawInput, httpUrl, nodeId, optionalText, reasonableDate, requiredText, validateInput } from "./input-validation.ts";
import { normalizeDoi, normalizePmid } from "../domain/scholarly-ids.ts";
import { addMonths } from "../domain/review-status.ts";
import type { ContributorRole } from "../domain/credentials.ts";
import { loadEditorialSettingsIn } from "./editorial-settings.ts";

const MAX_PEOPLE = 20;
const MAX_CITATIONS = 200;

const distinctIds = (min: number) =>
  z
    .array(nodeId)
    .min(min, `needs at least ${min}`)
    .max(MAX_PEOPLE, `must list at most ${MAX_PEOPLE}`)
    .refine((ids) => new Set(ids).size === ids.length, "must not list anyone twice");

const citationSchema = z
  .object({
    title: requiredText(1000),
    authors: requiredText(2000),
    journal: optionalText(500),
    year: z.number().int().min(1600, "must be a year from 1600").max(9999, "must be a year up to 9999").nullish(),
    doi: z.string().max(300, "must be at most 300 characters").nullish(),
    pmid: z.string().max(30, "must be at most 30 characters").nullish(),
    url: httpUrl.nullish(),
    accessedAt: reasonableDate.nullish(),
  });

const trustSchema = z.object({
  authorIds: distinctIds(1).optional(),
  medicalReviewerIds: distinctIds(0).optional(),
  factCheckedById: nodeId.nullish(),
  factCheckedAt: reasonableDate.nullish(),
  disclaimer: optionalText(5000),
  citations: z.array(citationSchema).max(MAX_CITATIONS, `must list at most ${MAX_CITATIONS}`).optional(),
});

async function authorIdsOf(tx: Tx, globalIds: readonly string[], field: string): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, globalId] of globalIds.entries()) ids.push((await existingAuthor(tx, globalId, `${field}.${index}`)).id);
  return ids;
}

async function setContributors(tx: Tx, articleId: number, role: ContributorRole, authorIds: readonly number[]) {
  await tx.articleContributor.deleteMany({ where: { articleId, role } });
  await tx.articleContributor.createMany({ data: authorIds.map((authorId, position) => ({ articleId, authorId, role, position })) });
}

/** Validated citations with DOIs and PMIDs in canonical form; malformed ones are BAD_USER_INPUT. */
function citationRows(citations: z.output<typeof citationSchema>[]) {
  return citations.map((c, index) => ({
    position: index,
    title: c.title,
    authors: c.authors,
    journal: c.journal ?? null,
    year: c.year ?? null,
    doi: c.doi ? normalizeDoi(c.doi, `input.citations.${index}.doi`) : null,
    pmid: c.pmid ? normalizePmid(c.pmid, `input.citations.${index}.pmid`) : null,
    url: c.url ?? null,
    accessedAt: c.accessedAt ?? null,
  }));
}

async function requireEligibleReviewer(tx: Tx, articleId: number, reviewerId: number, field: string) {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, authorId: true } });
  const reviewer = await tx.author.findUniqueOrThrow({ where: { id: reviewerId }, select: { id: true, isOrganization: true } });
  const reason = await reviewerIneligibility(tx, article, reviewer);
  if (reason) throw badInput(`"${field}" names someone who ${reason}: ${REVIEWER_RULE}`, { field });
}

/** Authors in order, medical reviewers, fact check, disclaimer and citations: only what is given changes. */
export async function updateArticleTrust(tx: Tx, articleGlobalId: string, rawInput: RawInput, viewer: Viewer): Promise<number> {
  const article = await existingArticle(tx, articleGlobalId, "articleId");
  const input = validateInput(trustSchema, rawInput, "input");
  if (input.medicalReviewerIds) {
    const reviewerIds = input.medicalReviewerIds.map((id, index) => decodeNodeId(id, "Author", `input.medicalReviewerIds.${index}`));
    requireVouchingRights(viewer, reviewerIds, "list an article's medical reviewers");
  }
  const citations = input.citations && citationRows(input.citations);

  if (input.authorIds) {
    const authorIds = await authorIdsOf(tx, input.authorIds, "input.authorIds");
    const [first, ...coAuthors] = authorIds;
    await tx.article.update({ where: { id: article.id }, data: { authorId: first!, version: { increment: 1 } } });
    await setContributors(tx, article.id, "AUTHOR", coAuthors);
    if (!input.medicalReviewerIds) {
      const reviewers = await tx.articleContributor.findMany({ where: { articleId: article.id, role: "MEDICAL_REVIEWER" } });
      const index = authorIds.findIndex((id) => reviewers.some((r) => r.authorId === id));
      if (index >= 0) {
        const field = `input.authorIds.${index}`;
        throw badInput(`"${field}" is a medical reviewer of the article: ${REVIEWER_RULE}`, { field });
      }
    }
  }
  if (input.medicalReviewerIds) {
    const reviewerIds = await authorIdsOf(tx, input.medicalReviewerIds, "input.medicalReviewerIds");
    for (const [index, id] of reviewerIds.entries()) await requireEligibleReviewer(tx, article.id, id, `input.medicalReviewerIds.${index}`);
    await setContributors(tx, article.id, "MEDICAL_REVIEWER", reviewerIds);
  }
  if (input.factCheckedById !== undefined) {
    const checker = input.factCheckedById === null ? [] : [(await existingAuthor(tx, input.factCheckedById, "input.factCheckedById")).id];
    await setContributors(tx, article.id, "FACT_CHECKER", checker);
  }
  const review = { factCheckedAt: input.factCheckedAt, disclaimer: input.disclaimer };
  await tx.articleTrust.upsert({ where: { articleId: article.id }, create: { articleId: article.id, ...review }, update: review });
  if (citations) {
    await tx.articleCitation.deleteMany({ where: { articleId: article.id } });
    await tx.articleCitation.createMany({ data: citations.map((row) => ({ ...row, articleId: article.id })) });
  }
  return article.id;
}

/**
 * Assigns a reviewer (see reviewerIneligibility); the article is IN_REVIEW until they approve.
 * A review waiting for someone else is replaced only when `replace` says so; asking the reviewer
 * already assigned changes nothing.
 */
export async function requestReview(
  tx: Tx,
  articleGlobalId: string,
  reviewerGlobalId: string,
  replace: boolean,
  viewer: Viewer,
  now: Date,
): Promise<number> {
  requireVouchingRights(viewer, [decodeNodeId(reviewerGlobalId, "Author", "reviewerId")], "assign a review");
  const article = await existingArticle(tx, articleGlobalId, "articleId");
  const reviewer = await existingAuthor(tx, reviewerGlobalId, "reviewerId");
  await requireEligibleReviewer(tx, article.id, reviewer.id, "reviewerId");
  const pending = await tx.articleTrust.findUnique({
    where: { articleId: article.id },
    select: { requestedReviewer: { select: { id: true, name: true } } },
  });
  const waitingFor = pending?.requestedReviewer;
  if (waitingFor?.id === reviewer.id) return article.id;
  const alreadyPending = (name: string) =>
    codedError("REVIEW_ALREADY_PENDING", `A review of this article is already waiting for ${name}; pass replace: true to reassign it`, {
      field: "reviewerId",
    });
  if (waitingFor && !replace) throw alreadyPending(waitingFor.name);
  await tx.articleTrust.upsert({ where: { articleId: article.id }, create: { articleId: article.id }, update: {} });
  // Only over what was read: a request another transaction made meanwhile is not replaced either.
  const unchanged = replace ? {} : { requestedReviewerId: null };
  const { count } = await tx.articleTrust.updateMany({
    where: { articleId: article.id, ...unchanged },
    data: { requestedReviewerId: reviewer.id, requestedAt: now },
  });
  if (count === 0) throw alreadyPending("someone else");
  return article.id;
}

/**
 * Only the assigned reviewer may approve, through a token that acts for them, and only while
 * they may review the article (reviewerIneligibility). Sets reviewedAt to now and the next
 * review due after the site's review interval, and lists the reviewer among the article's
 * medical reviewers.
 */
export async function approveReview(tx: Tx, articleGlobalId: string, notes: string | null | undefined, viewer: Viewer, now: Date) {
  const article = await existingArticle(tx, articleGlobalId, "articleId");
  const reviewNotes = validateInput(optionalText(5000), notes, "notes");
  const review = await tx.articleTrust.findUnique({ where: { articleId: article.id } });
  if (review?.requestedReviewerId == null) throw codedError("CONFLICT", "No review of this article is waiting for approval");
  const reviewerId = review.requestedReviewerId;
  if (!isEditor(viewer) || viewer.authorId !== reviewerId) {
    throw codedError("FORBIDDEN", "Only the reviewer assigned to this article may approve its review");
  }
  const reviewer = await tx.author.findUniqueOrThrow({ where: { id: reviewerId }, select: { id: true, isOrganization: true } });
  const reason = await reviewerIneligibility(tx, article, reviewer);
  if (reason) throw codedError("FORBIDDEN", `The assigned reviewer ${reason}, so may not approve: ${REVIEWER_RULE}`);
  const { reviewIntervalMonths } = await loadEditorialSettingsIn(tx);
  const { count } = await tx.articleTrust.updateMany({
    // Still assigned to this reviewer: a replacement made meanwhile wins.
    where: { articleId: article.id, requestedReviewerId: reviewerId },
    data: {
      requestedReviewerId: null,
      requestedAt: null,
      reviewedAt: now,
      reviewNotes: reviewNotes ?? null,
      nextReviewDue: addMonths(now, reviewIntervalMonths),
    },
  });
  if (count === 0) throw codedError("CONFLICT", "The review was reassigned while it was being approved");
  const listed = await tx.articleContributor.findUnique({
    where: { articleId_role_authorId: { articleId: article.id, role: "MEDICAL_REVIEWER", authorId: reviewerId } },
  });
  if (!listed) {
    const position = await tx.articleContributor.count({ where: { articleId: article.id, role: "MEDICAL_REVIEWER" } });
    await tx.articleContributor.create({ data: { articleId: article.id, authorId: reviewerId, role: "MEDICAL_REVIEWER", position } });
  }
  return article.id;
}

const correctionSchema = z.object({ text: requiredText(5000), at: reasonableDate.nullish() });

/** Records a correction (now, unless `at` says when it was made). */
export async function addCorrection(tx: Tx, articleGlobalId: string, rawInput: RawInput, now: Date): Promise<number> {
  const article = await existingArticle(tx, articleGlobalId, "articleId");
  const input = validateInput(correctionSchema, rawInput, "input");
  if (input.at && input.at > now) throw badInput('"input.at" must not be in the future', { field: "input.at" });
  await tx.articleCorrection.create({ data: { articleId: article.id, text: input.text, at: input.at ?? now } });
  return article.id;
}
