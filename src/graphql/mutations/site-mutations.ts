import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { updateSite } from "../../write/site.ts";
import { Site } from "../types/site.ts";

const SocialLinkInput = builder.inputType("SocialLinkInput", {
  description: "A link to the site's profile on a social network",
  fields: (t) => ({
    network: t.string({ required: true, description: 'e.g. "facebook"' }),
    label: t.string({ description: "The text of the link", required: true }),
    url: t.string({ description: "An absolute http(s) URL", required: true }),
  }),
});

const UpdateSiteInput = builder.inputType("UpdateSiteInput", {
  description: "Only the fields given change; socialLinks replaces the whole list",
  fields: (t) => ({
    title: t.string({ description: "The site's name", required: false }),
    tagline: t.string({ description: "The line shown under the site's name", required: false }),
    copyright: t.string({ description: "The footer's copyright line", required: false }),
    socialLinks: t.field({ description: "Replaces the whole list, in order", type: [SocialLinkInput], required: false }),
  }),
});

const SitePayload = builder.objectRef<Record<string, never>>("SitePayload").implement({
  description: "The result of updateSite",
  fields: (t) => ({
    site: t.field({
      description: "The settings as saved",
      type: Site,
      // Loaders are fresh after each mutation, so this reads what was just saved.
      resolve: async (_payload, _args, ctx) => (await ctx.loaders.site()).settings,
    }),
  }),
});

builder.mutationFields((t) => ({
  updateSite: t.field({
    type: SitePayload,
    description: "Admins only",
    authScopes: { admin: true },
    args: { input: t.arg({ description: "The changes", type: UpdateSiteInput, required: true }) },
    resolve: async (_root, { input }) => {
      await inTransaction((tx) => updateSite(tx, input));
      return {};
    },
  }),
}));
