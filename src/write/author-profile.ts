import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { existingAuthor } from "./lookups.ts";
import { type RawInput, httpUrl, optionalText, requiredText, validateInput } from "./input-validation.ts";
import { CREDENTIAL_KINDS } from "../domain/credentials.ts";
import { decodeNodeId } from "../domain/global-ids.ts";
import { requireVouchingRights } from "./review-authority.ts";
import type { Viewer } from "../domain/viewer.ts";

const credentialSchema = z.object({
  kind: z.enum(CREDENTIAL_KINDS),
  category: requiredText(50),
  name: requiredText(200),
  issuer: optionalText(300),
  region: optionalText(200),
});

const profileSchema = z.object({
  jobTitle: optionalText(200),
  sameAs: z
    .array(httpUrl)
    .max(20, "must list at most 20 URLs")
    .refine((urls) => new Set(urls).size === urls.length, "must not list a URL twice")
    .optional(),
  conflictOfInterest: optionalText(5000),
  qualifications: z.array(credentialSchema).max(20, "must list at most 20 credentials").optional(),
});

/** Job title, profile links, conflict-of-interest statement and credentials: only what is given changes. */
export async function updateAuthorProfile(tx: Tx, authorGlobalId: string, rawInput: RawInput, viewer: Viewer): Promise<number> {
  requireVouchingRights(viewer, [decodeNodeId(authorGlobalId, "Author", "authorId")], "edit a person's profile and credentials");
  const author = await existingAuthor(tx, authorGlobalId, "authorId");
  const input = validateInput(profileSchema, rawInput, "input");
  const profile = {
    jobTitle: input.jobTitle,
    conflictOfInterest: input.conflictOfInterest,
    sameAs: input.sameAs && JSON.stringify(input.sameAs),
  };
  await tx.authorProfile.upsert({ where: { authorId: author.id }, create: { authorId: author.id, ...profile }, update: profile });
  if (input.qualifications) {
    await tx.authorCredential.deleteMany({ where: { authorId: author.id } });
    await tx.authorCredential.createMany({
      data: input.qualifications.map((c, position) => ({
        authorId: author.id,
        position,
        kind: c.kind,
        category: c.category,
        name: c.name,
        issuer: c.issuer ?? null,
        region: c.region ?? null,
      })),
    });
  }
  return author.id;
}
