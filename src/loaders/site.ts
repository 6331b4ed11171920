import { db } from "../db.ts";
import type { SiteSettings, SocialLink } from "../generated/prisma/client.ts";

export type SiteSettingsRow = Pick<SiteSettings, "title" | "tagline" | "copyright">;
export type SocialLinkRow = Pick<SocialLink, "network" | "label" | "url">;

/** The site's settings; null until an editor (or the seed) has saved them. */
export async function loadSiteSettings(): Promise<SiteSettingsRow | null> {
  return db().siteSettings.findUnique({ where: { id: 1 }, select: { title: true, tagline: true, copyright: true } });
}

export async function loadSocialLinks(): Promise<SocialLinkRow[]> {
  return db().socialLink.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { network: true, label: true, url: true },
  });
}
