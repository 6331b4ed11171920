import { builder } from "../builder.ts";
import { inTransaction } from "../../editing/transaction.ts";
import { updateSite } from "../../editing/site.ts";
import { Site } from "../site.ts";

const SocialLinkInput = builder.inputType("SocialLinkInput", {
  fields: (t) => ({
    network: t.string({ required: true, description: 'e.g. "facebook"' }),
    label: t.string({ required: true }),
    url: t.string({ required: true }),
  }),
});

const UpdateSiteInput = builder.inputType("UpdateSiteInput", {
  description: "Only the fields given change; socialLinks replaces the whole list",
  fields: (t) => ({
    title: t.string({ required: false }),
    tagline: t.string({ required: false }),
    copyright: t.string({ required: false }),
    socialLinks: t.field({ type: [SocialLinkInput], required: false }),
  }),
});

const SitePayload = builder.objectRef<Record<string, never>>("SitePayload").implement({
  fields: (t) => ({
    site: t.field({
      type: Site,
      // Loaders are fresh after each mutation, so this reads what was just saved.
      resolve: async (_payload, _args, ctx) => (await ctx.loaders.siteSettings())!,
    }),
  }),
});

builder.mutationFields((t) => ({
  updateSite: t.field({
    type: SitePayload,
    description: "Admins only",
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateSiteInput, required: true }) },
    resolve: async (_root, { input }) => {
      await inTransaction((tx) => updateSite(tx, input));
      return {};
    },
  }),
}));
