import type { Tx } from "./transaction.ts";
import { firstFreeSlug, slugify } from "../content/slug.ts";
import { codedError } from "../errors.ts";

export type SluggedModel = "article" | "author" | "category" | "page";

/** The slugs of one model starting with `prefix`, leaving out one row (the one being edited). */
async function slugsStartingWith(tx: Tx, model: SluggedModel, prefix: string, exceptId?: number): Promise<Set<string>> {
  const args = { where: { slug: { startsWith: prefix }, NOT: { id: exceptId ?? -1 } }, select: { slug: true } };
  const rows: { slug: string }[] =
    model === "article" ? await tx.article.findMany(args)
    : model === "author" ? await tx.author.findMany(args)
    : model === "category" ? await tx.category.findMany(args)
    : await tx.page.findMany(args);
  return new Set(rows.map((row) => row.slug));
}

/** A free slug made from a title or name: kebab-case ASCII, with -2, -3 ... appended when taken. */
export async function generateSlug(tx: Tx, model: SluggedModel, text: string, exceptId?: number): Promise<string> {
  const base = slugify(text) || model;
  return firstFreeSlug(base, await slugsStartingWith(tx, model, base, exceptId));
}

/** An explicitly chosen slug must be free: CONFLICT otherwise. */
export async function assertSlugFree(tx: Tx, model: SluggedModel, slug: string, field: string, exceptId?: number): Promise<void> {
  if ((await slugsStartingWith(tx, model, slug, exceptId)).has(slug)) {
    throw codedError("CONFLICT", `The slug "${slug}" is already used by another ${model}`, { field });
  }
}
