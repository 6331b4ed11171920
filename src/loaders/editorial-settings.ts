import { db } from "../db.ts";

export const FEED_CONTENTS = ["FULL", "EXCERPT"] as const;
export type FeedContent = (typeof FEED_CONTENTS)[number];

export interface EditorialSettings {
  editorialPolicyUrl: string | null;
  reviewIntervalMonths: number;
  feedContent: FeedContent;
}

/** Defaults until the site's settings are saved (the same as the columns' defaults). */
export const DEFAULT_EDITORIAL_SETTINGS: EditorialSettings = {
  editorialPolicyUrl: null,
  reviewIntervalMonths: 24,
  feedContent: "EXCERPT",
};

export async function loadEditorialSettings(): Promise<EditorialSettings> {
  const row = await db().siteSettings.findUnique({
    where: { id: 1 },
    select: { editorialPolicyUrl: true, reviewIntervalMonths: true, feedContent: true },
  });
  if (!row) return DEFAULT_EDITORIAL_SETTINGS;
  return { ...row, feedContent: row.feedContent === "FULL" ? "FULL" : "EXCERPT" };
}
