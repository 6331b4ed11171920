import { encodeGlobalID } from "@pothos/plugin-relay";
import type { FeaturedItemRow } from "../loaders/featured.ts";
import { builder } from "./builder.ts";
import { checkPageSize } from "./pagination.ts";
import { formatPlainText } from "../content/format.ts";
import { TextFormatEnum } from "./text-format.ts";
import { Article } from "./article.ts";

export const FeaturedItem = builder.objectRef<FeaturedItemRow>("FeaturedItem").implement({
  description: "An article placed in a named slot; title and excerpt fall back to the article's",
  fields: (t) => ({
    id: t.id({ resolve: (item) => encodeGlobalID("FeaturedItem", item.id) }),
    slot: t.exposeString("slot"),
    position: t.exposeInt("position"),
    article: t.field({ type: Article, resolve: (item) => item.article }),
    title: t.string({ resolve: (item) => item.title ?? item.article.title }),
    excerpt: t.string({
      args: { format: t.arg({ type: TextFormatEnum, defaultValue: "HTML", required: true }) },
      resolve: (item, { format }) =>
        formatPlainText(item.excerpt ?? item.article.excerpt ?? item.article.derivedExcerpt, format),
    }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryFields((t) => ({
  featured: t.field({
    type: [FeaturedItem],
    description: "The slot's items that are live now, in order; items whose article is not published are skipped",
    args: {
      slot: t.arg.string({ required: true }),
      first: t.arg.int({ required: true, defaultValue: 1 }),
    },
    resolve: async (_root, { slot, first }, ctx) => {
      checkPageSize(first, "first");
      return (await ctx.loaders.featuredBySlot().load(slot)).slice(0, first);
    },
  }),
}));
