import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { sanitizeBodyHtml } from "../domain/html.ts";
import { uris } from "../domain/uri.ts";
import { existingPage } from "./lookups.ts";
import { type RawInput, requiredText, slug, validateInput } from "./input-validation.ts";
import { changedSlug, slugForNew } from "./unique-slug.ts";
import { addRedirect, dropRedirectsTo } from "./redirects.ts";
import { PAGE_STATUSES, isLivePage } from "../domain/visibility.ts";


const pageFields = {
  title: requiredText(300),
  body: z.string().max(1_000_000, "must be at most 1,000,000 characters"),
  slug: slug.nullish(),
  status: z.enum(PAGE_STATUSES).nullish(),
};
const createSchema = z.object(pageFields);
const updateSchema = z.object({ ...pageFields, title: pageFields.title.optional(), body: pageFields.body.optional() });

export async function createPage(tx: Tx, rawInput: RawInput): Promise<number> {
  const input = validateInput(createSchema, rawInput, "input");
  const pageSlug = await slugForNew(tx, "page", input.slug, input.title);
  const page = await tx.page.create({
    data: { slug: pageSlug, title: input.title, body: sanitizeBodyHtml(input.body), status: input.status ?? "PUBLISHED" },
  });
  return page.id;
}

export async function updatePage(tx: Tx, globalId: string, rawInput: RawInput): Promise<number> {
  const input = validateInput(updateSchema, rawInput, "input");
  const page = await existingPage(tx, globalId, "id");
  const newSlug = await changedSlug(tx, "page", input.slug, page);
  await tx.page.update({
    where: { id: page.id },
    data: {
      slug: newSlug,
      title: input.title,
      body: input.body === undefined ? undefined : sanitizeBodyHtml(input.body),
      status: input.status ?? undefined,
    },
  });
  if (newSlug) await addRedirect(tx, uris.page(page.slug), uris.page(newSlug), { contentIsPublic: isLivePage({ status: input.status ?? page.status }) });
  return page.id;
}

/** Menu items that pointed at the page lose their target. */
export async function deletePage(tx: Tx, globalId: string): Promise<number> {
  const page = await existingPage(tx, globalId, "id");
  await tx.page.delete({ where: { id: page.id } });
  await dropRedirectsTo(tx, uris.page(page.slug));
  return page.id;
}
