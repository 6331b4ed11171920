import { builder } from "../builder.ts";
import { loadFeaturedItems } from "../../read/featured.ts";
import { inTransaction } from "../../db/transaction.ts";
import { setFeatured } from "../../write/featured.ts";
import { FeaturedItem } from "../types/featured.ts";

const FeaturedItemInput = builder.inputType("FeaturedItemInput", {
  description: "One item of a featured slot",
  fields: (t) => ({
    articleId: t.id({ description: "The global id of the Article to feature", required: true }),
    title: t.string({ required: false, description: "Shown instead of the article's title" }),
    excerpt: t.string({ required: false, description: "Plain text shown instead of the article's excerpt" }),
    startsAt: t.field({ type: "DateTime", required: false, description: "Live from this time; now when omitted" }),
    endsAt: t.field({ type: "DateTime", required: false, description: "Live until this time; open-ended when omitted" }),
  }),
});

const FeaturedSlotPayload = builder.objectRef<{ slot: string }>("FeaturedSlotPayload").implement({
  description: "The result of setFeatured",
  fields: (t) => ({
    slot: t.exposeString("slot", { description: "The slot's name" }),
    items: t.field({
      type: [FeaturedItem],
      description: "Every item of the slot in order, including ones not live now",
      resolve: ({ slot }, _args, ctx) => loadFeaturedItems([slot], "all", ctx),
    }),
  }),
});

builder.mutationFields((t) => ({
  setFeatured: t.field({
    type: FeaturedSlotPayload,
    description: "Replaces the slot's items with these, in this order",
    authScopes: { editor: true },
    args: {
      slot: t.arg.string({ description: "The slot's name, e.g. sidebar", required: true }),
      items: t.arg({
        description: "The slot's items, in order; replaces the ones it had",
        type: [FeaturedItemInput],
        required: true,
      }),
    },
    resolve: async (_root, { slot, items }, ctx) => {
      const changed = await inTransaction((tx) => setFeatured(tx, slot, items));
      await ctx.featuredLive.slotEdited(changed);
      return { slot: changed };
    },
  }),
}));
