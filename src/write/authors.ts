import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { codedError } from "../domain/errors.ts";
import { sanitizeBodyHtml } from "../domain/html.ts";
import { uris } from "../domain/uri.ts";
import { existingAuthor } from "./lookups.ts";
import { type RawInput, nodeId, optionalHttpUrl, optionalText, requiredText, slug, validateInput } from "./input-validation.ts";
import { changedSlug, slugForNew } from "./unique-slug.ts";
import { requireVouchingRights } from "./review-authority.ts";
import type { Viewer } from "../domain/viewer.ts";
import { addRedirect, claimUri, dropRedirectsTo } from "./redirects.ts";

const authorFields = {
  name: requiredText(200),
  slug: slug.nullish(),
  credentials: optionalText(100),
  bio: optionalText(20_000),
  websiteUrl: optionalHttpUrl,
  avatarUrl: optionalHttpUrl,
  isOrganization: z.boolean().nullish(),
};
const createSchema = z.object(authorFields);
const updateSchema = z.object({ ...authorFields, name: authorFields.name.optional() });

function authorData(input: z.output<typeof updateSchema>) {
  return {
    name: input.name,
    credentials: input.credentials,
    bio: input.bio == null ? input.bio : sanitizeBodyHtml(input.bio),
    websiteUrl: input.websiteUrl,
    avatarUrl: input.avatarUrl,
    isOrganization: input.isOrganization ?? undefined,
  };
}

/** The byline's credentials and whether it is an organisation say who a person is: only the desk sets them. */
function requireRightsForStanding(viewer: Viewer, input: z.output<typeof updateSchema>, authorIds: readonly number[]) {
  if (input.credentials !== undefined || input.isOrganization != null) {
    requireVouchingRights(viewer, authorIds, "set a person's credentials or whether they are an organisation");
  }
}

export async function createAuthor(tx: Tx, rawInput: RawInput, viewer: Viewer): Promise<number> {
  const input = validateInput(createSchema, rawInput, "input");
  requireRightsForStanding(viewer, input, []);
  const authorSlug = await slugForNew(tx, "author", input.slug, input.name);
  const author = await tx.author.create({ data: { ...authorData(input), name: input.name, slug: authorSlug } });
  await claimUri(tx, uris.author(authorSlug));
  return author.id;
}

export async function updateAuthor(tx: Tx, globalId: string, rawInput: RawInput, viewer: Viewer): Promise<number> {
  const input = validateInput(updateSchema, rawInput, "input");
  const author = await existingAuthor(tx, globalId, "id");
  requireRightsForStanding(viewer, input, [author.id]);
  const newSlug = await changedSlug(tx, "author", input.slug, author);
  await tx.author.update({ where: { id: author.id }, data: { ...authorData(input), slug: newSlug } });
  if (newSlug) await addRedirect(tx, uris.author(author.slug), uris.author(newSlug));
  return author.id;
}

/** Refused while the author has articles, unless they are reassigned to another author. */
export async function deleteAuthor(tx: Tx, globalId: string, reassignArticlesTo: string | null | undefined): Promise<number> {
  const author = await existingAuthor(tx, globalId, "id");
  const articleCount = await tx.article.count({ where: { authorId: author.id } });
  if (articleCount > 0) {
    if (reassignArticlesTo == null) {
      throw codedError(
        "CONFLICT",
        `${author.name} still has ${articleCount} article(s); pass reassignArticlesTo with another author's id to move them`,
        { field: "reassignArticlesTo", articleCount },
      );
    }
    const heir = await existingAuthor(tx, validateInput(nodeId, reassignArticlesTo, "reassignArticlesTo"), "reassignArticlesTo");
    if (heir.id === author.id) {
      throw codedError("CONFLICT", "reassignArticlesTo must be another author", { field: "reassignArticlesTo" });
    }
    await tx.article.updateMany({ where: { authorId: author.id }, data: { authorId: heir.id } });
  }
  await tx.author.delete({ where: { id: author.id } });
  await dropRedirectsTo(tx, uris.author(author.slug));
  return author.id;
}
