import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { lockSet } from "../db/set-lock.ts";
import { type RawInput, httpUrl, requiredText, validateInput } from "./input-validation.ts";
import { DEFAULT_SITE } from "../read/site.ts";

const siteSchema = z.object({
  title: requiredText(200).optional(),
  tagline: z.string().trim().max(300, "must be at most 300 characters").optional(),
  copyright: z.string().trim().max(300, "must be at most 300 characters").optional(),
  socialLinks: z
    .array(
      z.object({
        network: z.string().regex(/^[a-z0-9-]{1,30}$/, 'must be a lowercase network name such as "facebook"'),
        label: requiredText(100),
        url: httpUrl,
      }),
    )
    .max(30, "must list at most 30 links")
    .optional(),
});

/** Changes the fields given; socialLinks, when given, replaces the whole list in that order. */
export async function updateSite(tx: Tx, rawInput: RawInput): Promise<void> {
  const input = validateInput(siteSchema, rawInput, "input");
  const current = await tx.siteSettings.findUnique({ where: { id: 1 } });
  const settings = {
    title: input.title ?? current?.title ?? DEFAULT_SITE.title,
    tagline: input.tagline ?? current?.tagline ?? DEFAULT_SITE.tagline,
    copyright: input.copyright ?? current?.copyright ?? DEFAULT_SITE.copyright,
  };
  await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings });
  if (input.socialLinks) {
    await lockSet(tx, "social-links");
    await tx.socialLink.deleteMany();
    await tx.socialLink.createMany({ data: input.socialLinks.map((link, position) => ({ ...link, position })) });
  }
}
