import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { lockSet } from "../db/set-lock.ts";
import { badInput } from "../domain/errors.ts";
import { existingArticle } from "./lookups.ts";
import { type RawInput, handle, nodeId, optionalText, reasonableDate, validateInput } from "./input-validation.ts";

const MAX_ITEMS = 50;

const itemSchema = z
  .object({
    articleId: nodeId,
    title: optionalText(300),
    excerpt: optionalText(1000),
    startsAt: reasonableDate.nullish(),
    endsAt: reasonableDate.nullish(),
  })
  .refine((item) => !item.startsAt || !item.endsAt || item.startsAt < item.endsAt, {
    message: "endsAt must be after startsAt",
    path: ["endsAt"],
  });

const itemsSchema = z.array(itemSchema).max(MAX_ITEMS, `a slot holds at most ${MAX_ITEMS} items`);

/** Replaces the slot's items with `items`, in that order; an empty list empties the slot. */
export async function setFeatured(tx: Tx, rawSlot: string, rawItems: RawInput[]): Promise<string> {
  const slot = validateInput(handle, rawSlot, "slot");
  const items = validateInput(itemsSchema, rawItems, "items");
  const articleIds: number[] = [];
  for (const [index, item] of items.entries()) {
    articleIds.push((await existingArticle(tx, item.articleId, `items.${index}.articleId`)).id);
  }
  if (new Set(articleIds).size !== articleIds.length) {
    throw badInput("items: an article can appear only once in a slot", { field: "items" });
  }
  await lockSet(tx, `featured:${slot}`);
  await tx.featuredItem.deleteMany({ where: { slot } });
  await tx.featuredItem.createMany({
    data: items.map((item, position) => ({
      slot,
      position,
      articleId: articleIds[position]!,
      title: item.title ?? null,
      excerpt: item.excerpt ?? null,
      startsAt: item.startsAt ?? null,
      endsAt: item.endsAt ?? null,
    })),
  });
  return slot;
}
