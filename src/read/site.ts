import { db } from "../db/client.ts";
import type { SiteSettings, SocialLink } from "../generated/prisma/client.ts";
import { editorialSettingsOf, type EditorialSettings } from "./editorial-settings.ts";

export type SiteSettingsRow = Pick<SiteSettings, "title" | "tagline" | "copyright">;
export type SocialLinkRow = Pick<SocialLink, "network" | "label" | "url">;

/** What the site shows until an editor (or the seed) has saved its settings. */
export const DEFAULT_SITE: SiteSettingsRow = { title: "Lantern", tagline: "", copyright: "" };

export interface SiteRows {
  settings: SiteSettingsRow;
  editorial: EditorialSettings;
  socialLinks: SocialLinkRow[];
}

type EditorialColumns = Pick<SiteSettings, "editorialPolicyUrl" | "reviewIntervalMonths" | "feedContent">;
type Nullable<T> = { [K in keyof T]: T[K] | null };
type JoinedRow = Nullable<SiteSettingsRow> & Nullable<EditorialColumns> & Nullable<SocialLinkRow> & { hasSettings: number | bigint | null };

/**
 * The site's settings (editorial ones included) and its social links in one statement (every
 * page shows them), read with $queryRaw: a model query costs several times as much. One row per
 * link; one row of nulls without links.
 */
export async function loadSite(): Promise<SiteRows> {
  const rows = await db().$queryRaw<JoinedRow[]>`
    SELECT "settings"."id" AS "hasSettings", "settings"."title", "settings"."tagline", "settings"."copyright",
           "settings"."editorialPolicyUrl", "settings"."reviewIntervalMonths", "settings"."feedContent",
           "link"."network", "link"."label", "link"."url"
    FROM (SELECT 1 AS "one") AS "site"
    LEFT JOIN "SiteSettings" AS "settings" ON "settings"."id" = 1
    LEFT JOIN "SocialLink" AS "link" ON TRUE
    ORDER BY "link"."position", "link"."id"`;
  const [first] = rows;
  const saved = first?.hasSettings != null;
  return {
    settings: saved ? { title: first.title!, tagline: first.tagline!, copyright: first.copyright! } : DEFAULT_SITE,
    editorial: editorialSettingsOf(
      saved ? { editorialPolicyUrl: first.editorialPolicyUrl, reviewIntervalMonths: first.reviewIntervalMonths!, feedContent: first.feedContent! } : null,
    ),
    socialLinks: rows.flatMap((row) => (row.network == null ? [] : [{ network: row.network, label: row.label!, url: row.url! }])),
  };
}
