import { encodeGlobalID } from "@pothos/plugin-relay";
import type { FeaturedItemRow } from "../../read/featured.ts";
import { builder } from "../builder.ts";
import { checkPageSize } from "../connections/pagination.ts";
import { formatPlainText } from "../../domain/format.ts";
import { TextFormatEnum } from "../scalars/text-format.ts";
import { Article } from "./article.ts";
import { handle, validateInput } from "../../write/input-validation.ts";

export const FeaturedItem = builder.objectRef<FeaturedItemRow>("FeaturedItem").implement({
  description: "An article placed in a named slot; title and excerpt fall back to the article's",
  fields: (t) => ({
    id: t.id({ description: "A global id", resolve: (item) => encodeGlobalID("FeaturedItem", item.id) }),
    slot: t.exposeString("slot", { description: "The slot's name, e.g. sidebar" }),
    position: t.exposeInt("position", { description: "Order within the slot, from 0" }),
    article: t.field({ description: "The featured article", type: Article, resolve: (item) => item.article }),
    title: t.string({
      description: "The item's own title, or the article's",
      resolve: (item) => item.title ?? item.article.title,
    }),
    excerpt: t.string({
      description: "The item's own excerpt, or the article's",
      args: { format: t.arg({ description: "HTML or plain text", type: TextFormatEnum, defaultValue: "HTML", required: true }) },
      resolve: (item, { format }) =>
        formatPlainText(item.excerpt ?? item.article.excerpt ?? item.article.derivedExcerpt, format),
    }),
    startsAt: t.expose("startsAt", { description: "Live from this time; null: since it was set", type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { description: "Live until this time; null: open-ended", type: "DateTime", nullable: true }),
  }),
});

builder.queryFields((t) => ({
  featured: t.field({
    type: [FeaturedItem],
    description: "The slot's items that are live now, in order; items whose article is not published are skipped",
    args: {
      slot: t.arg.string({ description: "The slot's name, e.g. sidebar", required: true }),
      first: t.arg.int({ description: "How many items at most", required: true, defaultValue: 1 }),
    },
    resolve: async (_root, { slot, first }, ctx) => {
      checkPageSize(first, "first");
      return (await ctx.loaders.featuredBySlot().load(validateInput(handle, slot, "slot"))).slice(0, first);
    },
  }),
}));
