import { db } from "../db.ts";
import type { SiteSettings, SocialLink } from "../generated/prisma/client.ts";

// Read with $queryRaw: every page reads them, and a model query costs several times as much.

export type SiteSettingsRow = Pick<SiteSettings, "title" | "tagline" | "copyright">;
export type SocialLinkRow = Pick<SocialLink, "network" | "label" | "url">;

/** The site's settings; null until an editor (or the seed) has saved them. */
export async function loadSiteSettings(): Promise<SiteSettingsRow | null> {
  const [row] = await db().$queryRaw<SiteSettingsRow[]>`SELECT "title", "tagline", "copyright" FROM "SiteSettings" WHERE "id" = 1`;
  return row ?? null;
}

export async function loadSocialLinks(): Promise<SocialLinkRow[]> {
  return db().$queryRaw<SocialLinkRow[]>`SELECT "network", "label", "url" FROM "SocialLink" ORDER BY "position", "id"`;
}
