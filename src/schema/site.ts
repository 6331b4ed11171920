import { builder } from "./builder.ts";
import { db } from "../db.ts";

interface SiteShape {
  title: string;
  tagline: string;
  copyright: string;
}

const SocialLink = builder.prismaObject("SocialLink", {
  fields: (t) => ({
    network: t.exposeString("network", { description: 'e.g. "facebook", "twitter", "youtube"' }),
    label: t.exposeString("label"),
    url: t.expose("url", { type: "URL" }),
  }),
});

export const Site = builder.objectRef<SiteShape>("Site").implement({
  fields: (t) => ({
    title: t.exposeString("title"),
    tagline: t.exposeString("tagline"),
    copyright: t.exposeString("copyright"),
    socialLinks: t.prismaField({
      type: [SocialLink],
      resolve: (query) => db().socialLink.findMany({ ...query, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    }),
  }),
});

const EMPTY_SITE: SiteShape = { title: "Lantern", tagline: "", copyright: "" };

builder.queryFields((t) => ({
  site: t.field({
    type: Site,
    resolve: async () => (await db().siteSettings.findUnique({ where: { id: 1 } })) ?? EMPTY_SITE,
  }),
}));
