import { builder } from "../builder.ts";
import type { SiteSettingsRow, SocialLinkRow } from "../../read/site.ts";

const SocialLink = builder.objectRef<SocialLinkRow>("SocialLink").implement({
  description: "A link to the site's profile on a social network",
  fields: (t) => ({
    network: t.exposeString("network", { description: 'e.g. "facebook", "twitter", "youtube"' }),
    label: t.exposeString("label", { description: "The text of the link" }),
    url: t.expose("url", { description: "The profile's address", type: "URL" }),
  }),
});

export const Site = builder.objectRef<SiteSettingsRow>("Site").implement({
  description: "The site's settings: name, tagline, footer and social links",
  fields: (t) => ({
    title: t.exposeString("title", { description: "The site's name" }),
    tagline: t.exposeString("tagline", { description: "The line shown under the site's name" }),
    copyright: t.exposeString("copyright", { description: "The footer's copyright line" }),
    socialLinks: t.field({
      description: "In order",
      type: [SocialLink],
      resolve: async (_site, _args, ctx) => (await ctx.loaders.site()).socialLinks,
    }),
  }),
});

builder.queryFields((t) => ({
  site: t.field({
    description: "The site's settings",
    type: Site,
    resolve: async (_root, _args, ctx) => (await ctx.loaders.site()).settings,
  }),
}));
