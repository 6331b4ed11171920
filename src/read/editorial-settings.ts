export const FEED_CONTENTS = ["FULL", "EXCERPT"] as const;
export type FeedContent = (typeof FEED_CONTENTS)[number];

export interface EditorialSettings {
  editorialPolicyUrl: string | null;
  reviewIntervalMonths: number;
  feedContent: FeedContent;
}

/** Defaults until the site's settings are saved (the same as the columns' defaults). */
const DEFAULT_EDITORIAL_SETTINGS: EditorialSettings = {
  editorialPolicyUrl: null,
  reviewIntervalMonths: 24,
  feedContent: "EXCERPT",
};

export const EDITORIAL_COLUMNS = { editorialPolicyUrl: true, reviewIntervalMonths: true, feedContent: true } as const;

/** The settings of a site settings row (the defaults when there is none yet). */
export function editorialSettingsOf(
  row: { editorialPolicyUrl: string | null; reviewIntervalMonths: number; feedContent: string } | null,
): EditorialSettings {
  if (!row) return DEFAULT_EDITORIAL_SETTINGS;
  const { editorialPolicyUrl, reviewIntervalMonths, feedContent } = row;
  return { editorialPolicyUrl, reviewIntervalMonths, feedContent: feedContent === "FULL" ? "FULL" : "EXCERPT" };
}
