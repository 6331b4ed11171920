import { builder } from "../builder.ts";
import { Site } from "./site.ts";
import { FEED_CONTENTS } from "../../read/editorial-settings.ts";

export { Site };

export const FeedContentEnum = builder.enumType("FeedContent", {
  description: "What /feed.xml carries of each article",
  values: { FULL: { description: "The whole body" }, EXCERPT: { description: "The excerpt only" } } satisfies Record<
    (typeof FEED_CONTENTS)[number],
    unknown
  >,
});

builder.objectFields(Site, (t) => ({
  editorialPolicyUrl: t.field({
    type: "URL",
    nullable: true,
    description: "The page that explains how content is written, reviewed and corrected",
    resolve: async (_site, _args, ctx) => (await ctx.loaders.editorialSettings()).editorialPolicyUrl,
  }),
  reviewIntervalMonths: t.int({
    description: "Months from an approved medical review to the next one due (default 24)",
    resolve: async (_site, _args, ctx) => (await ctx.loaders.editorialSettings()).reviewIntervalMonths,
  }),
  feedContent: t.field({
    type: FeedContentEnum,
    description: "Whether /feed.xml carries whole articles or excerpts",
    resolve: async (_site, _args, ctx) => (await ctx.loaders.editorialSettings()).feedContent,
  }),
}));
