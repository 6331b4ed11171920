import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { uris } from "../../domain/uri.ts";
import type { Tag as TagRow } from "../../generated/prisma/client.ts";
import { keysetConnection, modelList, type ListOrder } from "../connections/keyset-connection.ts";
import { totalCountField } from "../connections/total-count.ts";
import { Article } from "./article.ts";

const BY_NAME: ListOrder<Pick<TagRow, "id" | "name">, string> = {
  sort: { column: "name", direction: "asc", nullable: false },
  select: { id: true, name: true },
  cursor: {
    name: "Tag:NAME",
    positionOf: (tag) => ({ key: tag.name, id: tag.id }),
    parseKey: (raw) => (typeof raw === "string" && raw.length <= 1000 ? raw : undefined),
  },
};

// Include mode: a tag's columns are small, so tags loaded with an article's links answer every field.
export const Tag = builder.prismaNode("Tag", {
  description: "A keyword articles are tagged with; tags do not nest",
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Unique; the tag's URI is /tag/<slug>/" }),
    uri: t.string({ description: "The tag's path on the site, e.g. /tag/anxiety/", resolve: (tag) => uris.tag(tag.slug) }),
    name: t.exposeString("name", { description: "Plain text" }),
    description: t.exposeString("description", { nullable: true, description: "Plain text" }),
    articleCount: t.int({
      description: "Published articles with this tag",
      resolve: (tag, _args, ctx) => ctx.loaders.tagArticleCount().load(tag.id),
    }),
  }),
});

builder.prismaObjectField(Article, "tags", (t) =>
  t.field({
    type: [Tag],
    description: "The article's tags, in the order they were given",
    resolve: (article, _args, ctx) => ctx.loaders.tagsByArticle().load(article.id),
  }),
);

builder.queryFields((t) => ({
  tag: t.prismaField({
    description: "The tag with this slug; null if there is none",
    type: Tag,
    nullable: true,
    args: { slug: t.arg.string({ description: "A tag's slug", required: true }) },
    resolve: (query, _root, { slug }) => db().tag.findUnique({ ...query, where: { slug } }),
  }),
  tags: t.connection(
    {
      type: Tag,
      description: "All tags, by name",
      resolve: (_root, args, ctx, info) =>
        keysetConnection(
          args,
          ctx,
          info,
          modelList(ctx, info, {
            typeName: "Tag",
            order: BY_NAME,
            where: {},
            findMany: (query) => db().tag.findMany(query),
            count: (where) => db().tag.count({ where }),
          }),
        ),
    },
    { fields: totalCountField },
  ),
}));
