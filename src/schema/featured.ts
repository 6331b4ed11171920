import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { activeFeaturedWhere } from "../visibility.ts";
import { deriveExcerpt } from "../content/text.ts";
import { formatPlainText } from "../content/format.ts";
import { TextFormatEnum } from "./text-format.ts";
import { badInput } from "../errors.ts";
import { MAX_PAGE_SIZE } from "./builder.ts";

export const FeaturedItem = builder.prismaObject("FeaturedItem", {
  description: "An article placed in a named slot; title and excerpt fall back to the article's",
  fields: (t) => ({
    id: t.id({ resolve: (item) => encodeGlobalID("FeaturedItem", item.id) }),
    slot: t.exposeString("slot"),
    position: t.exposeInt("position"),
    article: t.relation("article"),
    title: t.string({
      select: { title: true, article: { select: { title: true } } },
      resolve: (item) => item.title ?? item.article.title,
    }),
    excerpt: t.string({
      args: { format: t.arg({ type: TextFormatEnum, defaultValue: "HTML", required: true }) },
      select: { excerpt: true, article: { select: { excerpt: true, bodyText: true } } },
      resolve: (item, { format }) =>
        formatPlainText(item.excerpt ?? item.article.excerpt ?? deriveExcerpt(item.article.bodyText), format),
    }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryFields((t) => ({
  featured: t.prismaField({
    type: [FeaturedItem],
    description: "The slot's items that are live now, in order; items whose article is not published are skipped",
    args: {
      slot: t.arg.string({ required: true }),
      first: t.arg.int({ required: true, defaultValue: 1 }),
    },
    resolve: (query, _root, { slot, first }, ctx) => {
      if (first < 0 || first > MAX_PAGE_SIZE) {
        throw badInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: "first" });
      }
      return db().featuredItem.findMany({
        ...query,
        where: { slot, ...activeFeaturedWhere(ctx) },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        take: first,
      });
    },
  }),
}));
