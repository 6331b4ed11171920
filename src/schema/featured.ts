import { encodeGlobalID } from "@pothos/plugin-relay";
import type { FeaturedItem as FeaturedItemRow } from "../generated/prisma/client.ts";
import type { ArticleSummary } from "../loaders/articles.ts";
import type { Context } from "../context.ts";
import { builder } from "./builder.ts";
import { assertPageArgs } from "./pagination.ts";
import { formatPlainText } from "../content/format.ts";
import { TextFormatEnum } from "./text-format.ts";
import { Article } from "./article.ts";

async function articleOf(item: FeaturedItemRow, ctx: Context): Promise<ArticleSummary> {
  const article = await ctx.loaders.articleById().load(item.articleId);
  // The slot loader only returns items whose article is published.
  if (!article) throw new Error(`Featured item ${item.id} lost its article`);
  return article;
}

export const FeaturedItem = builder.objectRef<FeaturedItemRow>("FeaturedItem").implement({
  description: "An article placed in a named slot; title and excerpt fall back to the article's",
  fields: (t) => ({
    id: t.id({ resolve: (item) => encodeGlobalID("FeaturedItem", item.id) }),
    slot: t.exposeString("slot"),
    position: t.exposeInt("position"),
    article: t.field({ type: Article, resolve: (item, _args, ctx) => articleOf(item, ctx) }),
    title: t.string({ resolve: async (item, _args, ctx) => item.title ?? (await articleOf(item, ctx)).title }),
    excerpt: t.string({
      args: { format: t.arg({ type: TextFormatEnum, defaultValue: "HTML", required: true }) },
      resolve: async (item, { format }, ctx) => {
        if (item.excerpt != null) return formatPlainText(item.excerpt, format);
        const article = await articleOf(item, ctx);
        return formatPlainText(article.excerpt ?? article.derivedExcerpt, format);
      },
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
      assertPageArgs({ first });
      return (await ctx.loaders.featuredBySlot().load(slot)).slice(0, first);
    },
  }),
}));
