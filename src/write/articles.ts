import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { badInput, codedError } from "../domain/errors.ts";
import { prepareArticleBody } from "../domain/article-body.ts";
import { searchTextOf } from "../domain/search-text.ts";
import { uris } from "../domain/uri.ts";
import { existingArticle, existingAuthor, existingCategory } from "./lookups.ts";
import { type RawInput, validateInput, nodeId, optionalHttpUrl, optionalText, reasonableDate, requiredText, slug } from "./input-validation.ts";
import { changedSlug, slugForNew } from "./unique-slug.ts";
import { addRedirect, dropRedirectsTo } from "./redirects.ts";
import { isLiveArticle } from "../domain/visibility.ts";
import { type ChangeKind, type RevisedState, changeEffects, diffStates, parseChanges, stateAtVersion } from "../domain/revisions.ts";
import { encodeNodeId } from "../domain/global-ids.ts";
import { addCorrection } from "./article-trust.ts";
import { refreshRelatedIds } from "./related.ts";

const MAX_CATEGORIES = 20;

const articleFields = {
  title: requiredText(300),
  body: z.string().min(1, "must not be empty").max(1_000_000, "must be at most 1,000,000 characters"),
  authorId: nodeId,
  categoryIds: z
    .array(nodeId)
    .min(1, "needs at least one category (the first is the primary one)")
    .max(MAX_CATEGORIES, `must list at most ${MAX_CATEGORIES} categories`)
    .refine((ids) => new Set(ids).size === ids.length, "must not list a category twice"),
  excerpt: optionalText(1000),
  slug: slug.nullish(),
  featuredImageUrl: optionalHttpUrl,
  videoUrl: optionalHttpUrl,
};

const createSchema = z.object(articleFields);
const updateSchema = z.object({
  ...articleFields,
  title: articleFields.title.optional(),
  body: articleFields.body.optional(),
  authorId: articleFields.authorId.optional(),
  categoryIds: articleFields.categoryIds.optional(),
});

/** Creates a DRAFT; returns its id. */
export async function createArticle(tx: Tx, rawInput: RawInput): Promise<number> {
  const input = validateInput(createSchema, rawInput, "input");
  const author = await existingAuthor(tx, input.authorId, "input.authorId");
  const categoryIds = await existingCategoryIds(tx, input.categoryIds);
  const articleSlug = await slugForNew(tx, "article", input.slug, input.title);
  const prepared = prepareArticleBody(input.body);
  const article = await tx.article.create({
    data: {
      slug: articleSlug,
      title: input.title,
      ...prepared,
      searchText: searchTextOf(input.title, prepared.bodyText),
      excerpt: input.excerpt ?? null,
      featuredImageUrl: input.featuredImageUrl ?? null,
      videoUrl: input.videoUrl ?? null,
      status: "DRAFT",
      authorId: author.id,
    },
  });
  await setArticleCategories(tx, article.id, categoryIds);
  await refreshRelatedIds(tx, article.id);
  return article.id;
}

function conflictMessage(expected: number, current: number): string {
  if (expected > current) {
    return `expectedVersion ${expected} is newer than the article, which is at version ${current}: send the version you last read`;
  }
  return `The article is at version ${current}: it was saved again after version ${expected}, which you read. Reload it and apply your changes again`;
}

/** Who made a change, as its revision records it (null: the system, e.g. a maintenance job). */
export interface ChangeAuthor {
  tokenId: number;
  name: string;
}

export interface ChangeOptions {
  /** MINOR unless given. */
  kind?: ChangeKind | null;
  /** Required for a CORRECTION (recorded as the article's correction), refused otherwise. */
  correctionNote?: string | null;
  by: ChangeAuthor | null;
  /** Set by restoreArticleRevision. */
  restoredFromVersion?: number;
}

const correctionNoteSchema = optionalText(5000);

/**
 * Saves changes only if nobody saved since the editor loaded `expectedVersion`; otherwise
 * CONFLICT with the current version, so the editor can reload and merge instead of overwriting.
 * The previous values of the changed fields are kept as a revision in the same transaction; the
 * change's kind decides whether the public "last updated" date moves and the review falls due.
 */
export async function updateArticle(
  tx: Tx,
  globalId: string,
  rawInput: RawInput,
  expectedVersion: number,
  now: Date,
  options: ChangeOptions = { by: null },
): Promise<number> {
  const input = validateInput(updateSchema, rawInput, "input");
  const kind = options.kind ?? "MINOR";
  const correctionNote = validateInput(correctionNoteSchema, options.correctionNote, "correctionNote");
  if (kind === "CORRECTION" && !correctionNote) {
    throw badInput('"correctionNote" is required for a CORRECTION: it is shown to readers with the article', { field: "correctionNote" });
  }
  if (kind !== "CORRECTION" && correctionNote) {
    throw badInput('"correctionNote" is only for kind: CORRECTION', { field: "correctionNote" });
  }
  const article = await existingArticle(tx, globalId, "id");
  const authorId = input.authorId == null ? undefined : (await existingAuthor(tx, input.authorId, "input.authorId")).id;
  const categoryIds = input.categoryIds == null ? undefined : await existingCategoryIds(tx, input.categoryIds);
  const newSlug = await changedSlug(tx, "article", input.slug, article);
  const prepared = input.body === undefined ? undefined : prepareArticleBody(input.body);
  const before = await revisedState(tx, article.id);
  const effects = changeEffects(kind);

  const { count } = await tx.article.updateMany({
    where: { id: article.id, version: expectedVersion },
    data: {
      slug: newSlug,
      title: input.title,
      ...prepared,
      searchText: searchTextOf(input.title ?? article.title, prepared?.bodyText ?? article.bodyText),
      excerpt: input.excerpt,
      featuredImageUrl: input.featuredImageUrl,
      videoUrl: input.videoUrl,
      authorId,
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    const current = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { version: true } });
    throw codedError("CONFLICT", conflictMessage(expectedVersion, current.version), {
      field: "expectedVersion",
      currentVersion: current.version,
    });
  }
  if (categoryIds) await setArticleCategories(tx, article.id, categoryIds);
  await refreshRelatedIds(tx, article.id);
  if (newSlug) {
    await addRedirect(tx, uris.article(article.slug), uris.article(newSlug), { contentIsPublic: isLiveArticle(article, now) });
  }
  const changes = diffStates(before, await revisedState(tx, article.id));
  if (changes.length > 0) {
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        version: expectedVersion + 1,
        createdAt: now,
        tokenId: options.by?.tokenId ?? null,
        tokenName: options.by?.name ?? null,
        kind,
        changes: JSON.stringify(changes),
        restoredFromVersion: options.restoredFromVersion ?? null,
      },
    });
    if (effects.movesModifiedDate) await tx.article.update({ where: { id: article.id }, data: { modifiedAt: now } });
    if (effects.makesReviewDue) {
      await tx.articleTrust.upsert({ where: { articleId: article.id }, create: { articleId: article.id, nextReviewDue: now }, update: { nextReviewDue: now } });
    }
  }
  if (correctionNote) await addCorrection(tx, globalId, { text: correctionNote }, now);
  return article.id;
}

/** The article's editable fields now, in the form revisions store them. */
async function revisedState(tx: Tx, articleId: number): Promise<RevisedState> {
  const row = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      title: true,
      body: true,
      excerpt: true,
      slug: true,
      featuredImageUrl: true,
      videoUrl: true,
      authorId: true,
      categories: { select: { categoryId: true }, orderBy: { position: "asc" } },
    },
  });
  return {
    title: row.title,
    body: row.body,
    excerpt: row.excerpt,
    slug: row.slug,
    featuredImageUrl: row.featuredImageUrl,
    videoUrl: row.videoUrl,
    authorId: encodeNodeId("Author", row.authorId),
    categoryIds: row.categories.map((link) => encodeNodeId("Category", link.categoryId)),
  };
}

/**
 * Writes the editable fields as they were at `version` as a new version (through updateArticle:
 * the same checks, a revision that records the restore). The status does not change: a
 * published article stays published. NOT_FOUND for a version the article never had.
 */
export async function restoreArticleRevision(
  tx: Tx,
  articleGlobalId: string,
  version: number,
  expectedVersion: number,
  now: Date,
  options: ChangeOptions,
): Promise<number> {
  const article = await existingArticle(tx, articleGlobalId, "articleId");
  if (!Number.isSafeInteger(version) || version < 1 || version > article.version) {
    throw codedError("NOT_FOUND", `The article has no version ${version}: its versions are 1 to ${article.version}`, { field: "version" });
  }
  const revisions = await tx.articleRevision.findMany({ where: { articleId: article.id, version: { gt: version } }, select: { version: true, changes: true } });
  const current = await revisedState(tx, article.id);
  const target = stateAtVersion(current, revisions.map((r) => ({ version: r.version, changes: parseChanges(r.changes) })), version);
  const input: RawInput = {};
  for (const { field, after } of diffStates(current, target)) input[field] = after;
  // A field emptied back to null is written as null (excerpt, image, video); title and body are never null.
  return updateArticle(tx, articleGlobalId, input, expectedVersion, now, { ...options, restoredFromVersion: version });
}

/** Publishes now, or at `at` (a future time schedules it; a past one back-dates it). */
export async function publishArticle(tx: Tx, globalId: string, at: Date | null | undefined, now: Date): Promise<number> {
  const article = await existingArticle(tx, globalId, "id");
  const publishAt = at == null ? undefined : validateInput(reasonableDate, at, "at");
  const publishedAt = publishAt ?? (isLiveArticle(article, now) ? article.publishedAt : now);
  await tx.article.update({
    where: { id: article.id },
    data: { status: "PUBLISHED", publishedAt, version: { increment: 1 } },
  });
  return article.id;
}

/** Back to DRAFT: the article disappears for readers, and its publication date is cleared. */
export async function unpublishArticle(tx: Tx, globalId: string): Promise<number> {
  const article = await existingArticle(tx, globalId, "id");
  await tx.article.update({ where: { id: article.id }, data: { status: "DRAFT", publishedAt: null, version: { increment: 1 } } });
  return article.id;
}

/** Hidden from readers but kept, with its publication date, for the record. */
export async function archiveArticle(tx: Tx, globalId: string): Promise<number> {
  const article = await existingArticle(tx, globalId, "id");
  await tx.article.update({ where: { id: article.id }, data: { status: "ARCHIVED", version: { increment: 1 } } });
  return article.id;
}

/** Deletes the article with its category links and featured placements; menu items lose their target. */
export async function deleteArticle(tx: Tx, globalId: string): Promise<number> {
  const article = await existingArticle(tx, globalId, "id");
  await tx.article.delete({ where: { id: article.id } });
  await dropRedirectsTo(tx, uris.article(article.slug));
  return article.id;
}

async function existingCategoryIds(tx: Tx, globalIds: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, globalId] of globalIds.entries()) {
    ids.push((await existingCategory(tx, globalId, `input.categoryIds.${index}`)).id);
  }
  if (new Set(ids).size !== ids.length) throw badInput("input.categoryIds: must not list a category twice", { field: "input.categoryIds" });
  return ids;
}

async function setArticleCategories(tx: Tx, articleId: number, categoryIds: number[]): Promise<void> {
  await tx.articleCategory.deleteMany({ where: { articleId } });
  await tx.articleCategory.createMany({ data: categoryIds.map((categoryId, position) => ({ articleId, categoryId, position })) });
}
