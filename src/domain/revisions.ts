/**
 * Article revisions: which fields an edit may change, the kinds of change, the diff of two
 * states, and an article's fields at an earlier version, rebuilt from its revisions.
 */

export const CHANGE_KINDS = ["MINOR", "MATERIAL", "CORRECTION"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * What a change of each kind does to the public record: MATERIAL and CORRECTION move the
 * public "last updated" date (JSON-LD dateModified, feeds, sitemap); MATERIAL also makes the
 * medical review due; MINOR (typos, links, layout) does neither.
 */
export function changeEffects(kind: ChangeKind): { movesModifiedDate: boolean; makesReviewDue: boolean } {
  return { movesModifiedDate: kind !== "MINOR", makesReviewDue: kind === "MATERIAL" };
}

/**
 * The public "last updated" date: the last MATERIAL or CORRECTION change, but never before the
 * publication (a draft edited before it went live was last updated when published); null for
 * an article never published nor changed materially.
 */
export function publicModifiedAt(article: { modifiedAt: Date | null; publishedAt: Date | null }): Date | null {
  const { modifiedAt, publishedAt } = article;
  if (!modifiedAt || !publishedAt) return modifiedAt ?? publishedAt;
  return modifiedAt > publishedAt ? modifiedAt : publishedAt;
}

/** The editable fields, in the API's form (authorId and categoryIds as global ids). */
export const REVISED_FIELDS = ["title", "body", "excerpt", "slug", "featuredImageUrl", "videoUrl", "authorId", "categoryIds"] as const;
export type RevisedField = (typeof REVISED_FIELDS)[number];

export type FieldValue = string | string[] | null;
export type RevisedState = Record<RevisedField, FieldValue>;

export interface FieldChange {
  field: RevisedField;
  before: FieldValue;
  after: FieldValue;
}

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ, in REVISED_FIELDS order. */
export function diffStates(before: RevisedState, after: RevisedState): FieldChange[] {
  return REVISED_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

export interface StoredRevision {
  version: number;
  changes: FieldChange[];
}

/**
 * The fields as they were at `version`, from the current state and the revisions made since:
 * each field takes the value before the first change after `version` (revisions hold every
 * change to these fields, so a field no later revision changed has its current value).
 */
export function stateAtVersion(current: RevisedState, revisions: readonly StoredRevision[], version: number): RevisedState {
  const state = { ...current };
  const later = revisions.filter((revision) => revision.version > version).sort((a, b) => b.version - a.version);
  for (const revision of later) {
    for (const change of revision.changes) state[change.field] = change.before;
  }
  return state;
}

/** Reads a revision's stored `changes` column; fields this version does not know are dropped. */
export function parseChanges(json: string): FieldChange[] {
  const parsed = JSON.parse(json) as FieldChange[];
  return parsed.filter((change) => (REVISED_FIELDS as readonly string[]).includes(change.field));
}
