import { queryRows, read } from "../sql/query.ts";
import { sql } from "../sql/statement.ts";

export interface SiteSettingsRow {
  title: string;
  tagline: string;
  copyright: string;
}

export interface SocialLinkRow {
  network: string;
  label: string;
  url: string;
}

/** The site's settings; null until an editor (or the seed) has saved them. */
export async function loadSiteSettings(): Promise<SiteSettingsRow | null> {
  const [row] = await queryRows(sql`SELECT "title", "tagline", "copyright" FROM "SiteSettings" WHERE "id" = ${1}`);
  return row ? { title: read.string(row.title), tagline: read.string(row.tagline), copyright: read.string(row.copyright) } : null;
}

export async function loadSocialLinks(): Promise<SocialLinkRow[]> {
  const rows = await queryRows(sql`SELECT "network", "label", "url" FROM "SocialLink" ORDER BY "position", "id"`);
  return rows.map((row) => ({ network: read.string(row.network), label: read.string(row.label), url: read.string(row.url) }));
}
