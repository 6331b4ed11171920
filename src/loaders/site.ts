import { db } from "../db.ts";
import type { SiteSettings, SocialLink } from "../generated/prisma/client.ts";

export type SiteSettingsRow = Pick<SiteSettings, "title" | "tagline" | "copyright">;
export type SocialLinkRow = Pick<SocialLink, "network" | "label" | "url">;

export interface SiteRows {
  /** null until an editor (or the seed) has saved them. */
  settings: SiteSettingsRow | null;
  socialLinks: SocialLinkRow[];
}

type Nullable<T> = { [K in keyof T]: T[K] | null };
type JoinedRow = Nullable<SiteSettingsRow> & Nullable<SocialLinkRow> & { hasSettings: number | bigint | null };

/**
 * The site's settings and its social links in one statement (every page shows both), read with
 * $queryRaw: a model query costs several times as much. One row per link; one row of nulls
 * without links.
 */
export async function loadSite(): Promise<SiteRows> {
  const rows = await db().$queryRaw<JoinedRow[]>`
    SELECT "settings"."id" AS "hasSettings", "settings"."title", "settings"."tagline", "settings"."copyright",
           "link"."network", "link"."label", "link"."url"
    FROM (SELECT 1 AS "one") AS "site"
    LEFT JOIN "SiteSettings" AS "settings" ON "settings"."id" = 1
    LEFT JOIN "SocialLink" AS "link" ON TRUE
    ORDER BY "link"."position", "link"."id"`;
  const [first] = rows;
  return {
    settings: first?.hasSettings == null ? null : { title: first.title!, tagline: first.tagline!, copyright: first.copyright! },
    socialLinks: rows.flatMap((row) => (row.network == null ? [] : [{ network: row.network, label: row.label!, url: row.url! }])),
  };
}
