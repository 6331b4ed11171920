import { builder } from "../builder.ts";
import { checkPageSize } from "../connections/pagination.ts";
import { FeaturedItem } from "./featured.ts";
import { refreshLoaders } from "../context.ts";
import { handle, validateInput } from "../../write/input-validation.ts";
import type { FeaturedItemRow } from "../../read/featured.ts";

builder.subscriptionType({
  description: "Live updates, over server-sent events (send `Accept: text/event-stream`)",
});

builder.subscriptionFields((t) => ({
  featuredChanged: t.field({
    type: [FeaturedItem],
    description:
      "The slot's live items, as `featured` gives them: first at once, then again whenever an editor changes the slot or an item's window opens or closes",
    args: {
      slot: t.arg.string({ required: true, description: 'A slot name, e.g. "sidebar"' }),
      first: t.arg.int({ required: true, defaultValue: 1, description: "How many items, at most" }),
    },
    subscribe: (_root, { slot, first }, ctx) => {
      checkPageSize(first, "first");
      return ctx.featuredLive.changes(validateInput(handle, slot, "slot"), ctx.forms.client.ip);
    },
    resolve: (items: FeaturedItemRow[], { first }, ctx) => {
      // A subscription lives on: what each update shows of the articles is read at the time it is sent.
      ctx.now = ctx.featuredLive.clock.now();
      refreshLoaders(ctx);
      return items.slice(0, first);
    },
  }),
}));
