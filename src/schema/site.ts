import { builder } from "./builder.ts";
import type { SiteSettingsRow, SocialLinkRow } from "../loaders/site.ts";

const SocialLink = builder.objectRef<SocialLinkRow>("SocialLink").implement({
  fields: (t) => ({
    network: t.exposeString("network", { description: 'e.g. "facebook", "twitter", "youtube"' }),
    label: t.exposeString("label"),
    url: t.expose("url", { type: "URL" }),
  }),
});

export const Site = builder.objectRef<SiteSettingsRow>("Site").implement({
  fields: (t) => ({
    title: t.exposeString("title"),
    tagline: t.exposeString("tagline"),
    copyright: t.exposeString("copyright"),
    socialLinks: t.field({ type: [SocialLink], resolve: (_site, _args, ctx) => ctx.loaders.socialLinks() }),
  }),
});

export const EMPTY_SITE: SiteSettingsRow = { title: "Lantern", tagline: "", copyright: "" };

builder.queryFields((t) => ({
  site: t.field({
    type: Site,
    resolve: async (_root, _args, ctx) => (await ctx.loaders.siteSettings()) ?? EMPTY_SITE,
  }),
}));
