import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { uris } from "../domain/uri.ts";
import { type RawInput, optionalText, requiredText, slug, validateInput } from "./input-validation.ts";
import { slugForNew } from "./unique-slug.ts";
import { addRedirect, claimUri } from "./redirects.ts";

const MAX_TAGS = 50;

const tagFields = { name: requiredText(200), slug: slug.nullish(), description: optionalText(5000) };
const createSchema = z.object(tagFields);
const updateSchema = z.object({ ...tagFields, name: tagFields.name.optional() });

export async function createTag(tx: Tx, rawInput: RawInput): Promise<number> {
  const input = validateInput(createSchema, rawInput, "input");
  const tagSlug = await slugForNew(tx, "tag", input.slug, input.name);
  const tag = await tx.tag.create({ data: { slug: tagSlug, name: input.name, description: input.description ?? null } });
  await claimUri(tx, uris.tag(tagSlug));
  return tag.id;
}

/** A new slug moves the tag's URI: the old one redirects to it. */
export async function updateTag(tx: Tx, id: number, rawInput: RawInput): Promise<number> {
  const input = validateInput(updateSchema, rawInput, "input");
  const tag = await tx.tag.findUniqueOrThrow({ where: { id } });
  const newSlug = input.slug && input.slug !== tag.slug ? await slugForNew(tx, "tag", input.slug, input.slug) : undefined;
  await tx.tag.update({ where: { id }, data: { name: input.name, slug: newSlug, description: input.description } });
  if (newSlug) await addRedirect(tx, uris.tag(tag.slug), uris.tag(newSlug));
  return id;
}

/** Replaces an article's tags with `tagIds`, in that order (counts follow, kept by the database). */
export async function setArticleTags(tx: Tx, articleId: number, tagIds: readonly number[]): Promise<void> {
  const unique = [...new Set(tagIds)].slice(0, MAX_TAGS);
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (unique.length) await tx.articleTag.createMany({ data: unique.map((tagId, position) => ({ articleId, tagId, position })) });
}
