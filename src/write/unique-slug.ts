import type { Tx } from "../db/transaction.ts";
import { firstFreeSlug, slugify } from "../domain/slug.ts";
import { codedError } from "../domain/errors.ts";

export type SluggedModel = "article" | "author" | "category" | "page" | "tag";

/** The slugs of one model starting with `prefix`, leaving out one row (the one being edited). */
async function slugsStartingWith(tx: Tx, model: SluggedModel, prefix: string, exceptId?: number): Promise<Set<string>> {
  const args = { where: { slug: { startsWith: prefix }, NOT: { id: exceptId ?? -1 } }, select: { slug: true } };
  const rows: { slug: string }[] =
    model === "article" ? await tx.article.findMany(args)
    : model === "author" ? await tx.author.findMany(args)
    : model === "category" ? await tx.category.findMany(args)
    : model === "tag" ? await tx.tag.findMany(args)
    : await tx.page.findMany(args);
  return new Set(rows.map((row) => row.slug));
}

/** Whether a row of the model other than `exceptId` has exactly this slug: one indexed lookup. */
async function slugTaken(tx: Tx, model: SluggedModel, slug: string, exceptId?: number): Promise<boolean> {
  const args = { where: { slug, NOT: { id: exceptId ?? -1 } }, select: { id: true } };
  const row =
    model === "article" ? await tx.article.findFirst(args)
    : model === "author" ? await tx.author.findFirst(args)
    : model === "category" ? await tx.category.findFirst(args)
    : model === "tag" ? await tx.tag.findFirst(args)
    : await tx.page.findFirst(args);
  return row != null;
}

/** A free slug made from a title or name: kebab-case ASCII, with -2, -3 ... appended when taken. */
async function generateSlug(tx: Tx, model: SluggedModel, text: string): Promise<string> {
  const base = slugify(text) || model;
  // Most slugs are free: one indexed lookup; only a taken one reads its neighbours for a suffix.
  if (!(await slugTaken(tx, model, base))) return base;
  return firstFreeSlug(base, new Set([base, ...(await slugsStartingWith(tx, model, `${base}-`))]));
}

/** An explicitly chosen slug must be free: CONFLICT otherwise. */
async function assertSlugFree(tx: Tx, model: SluggedModel, slug: string, field: string, exceptId?: number): Promise<void> {
  if (await slugTaken(tx, model, slug, exceptId)) {
    throw codedError("CONFLICT", `The slug "${slug}" is already used by another ${model}`, { field });
  }
}

/** The slug of a new row: the one given (which must be free) or one made from its title or name. */
export async function slugForNew(tx: Tx, model: SluggedModel, given: string | null | undefined, text: string): Promise<string> {
  if (!given) return generateSlug(tx, model, text);
  await assertSlugFree(tx, model, given, "input.slug");
  return given;
}

/** The slug an update changes to (checked to be free), or undefined when it keeps its own. */
export async function changedSlug(
  tx: Tx,
  model: SluggedModel,
  given: string | null | undefined,
  row: { id: number; slug: string },
): Promise<string | undefined> {
  if (!given || given === row.slug) return undefined;
  await assertSlugFree(tx, model, given, "input.slug", row.id);
  return given;
}

/** A free slug for a new row made from `wanted` (a slug from elsewhere, or a title): base-2, base-3 ... when taken. */
export async function freeSlugFrom(tx: Tx, model: SluggedModel, wanted: string): Promise<string> {
  return generateSlug(tx, model, wanted);
}
