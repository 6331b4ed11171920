import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { codedError } from "../domain/errors.ts";
import { type RawInput, httpUrl, validateInput } from "./input-validation.ts";
import { EDITORIAL_COLUMNS, FEED_CONTENTS, editorialSettingsOf, type EditorialSettings } from "../read/editorial-settings.ts";

const schema = z.object({
  editorialPolicyUrl: httpUrl.nullish(),
  reviewIntervalMonths: z.number().int().min(1, "must be at least 1").max(120, "must be at most 120").optional(),
  feedContent: z.enum(FEED_CONTENTS).optional(),
});

/** The settings as the transaction sees them (defaults before the site is set up). */
export async function loadEditorialSettingsIn(tx: Tx): Promise<EditorialSettings> {
  return editorialSettingsOf(await tx.siteSettings.findUnique({ where: { id: 1 }, select: EDITORIAL_COLUMNS }));
}

export async function updateEditorialSettings(tx: Tx, rawInput: RawInput): Promise<void> {
  const input = validateInput(schema, rawInput, "input");
  if (!(await tx.siteSettings.findUnique({ where: { id: 1 } }))) {
    throw codedError("CONFLICT", "Set up the site (updateSite) before its editorial settings");
  }
  await tx.siteSettings.update({
    where: { id: 1 },
    data: {
      editorialPolicyUrl: input.editorialPolicyUrl,
      reviewIntervalMonths: input.reviewIntervalMonths,
      feedContent: input.feedContent,
    },
  });
}
