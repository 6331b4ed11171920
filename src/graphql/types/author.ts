import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { uris } from "../../domain/uri.ts";
import type { Author as AuthorRow } from "../../generated/prisma/client.ts";
import { keysetConnection, modelList, type ListOrder } from "../connections/keyset-connection.ts";
import { totalCountField } from "../connections/total-count.ts";

const BY_NAME: ListOrder<Pick<AuthorRow, "id" | "name">, string> = {
  sort: { column: "name", direction: "asc", nullable: false },
  select: { id: true, name: true },
  cursor: {
    name: "Author:NAME",
    positionOf: (author) => ({ key: author.name, id: author.id }),
    parseKey: (raw) => (typeof raw === "string" && raw.length <= 1000 ? raw : undefined),
  },
};

// Include mode: every column comes with an author (no large ones), so authors loaded in SQL by
// the byline loader answer their scalar fields without another query.
export const Author = builder.prismaNode("Author", {
  description: "A person or organisation that writes articles",
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Unique; the last part of the author's URI" }),
    uri: t.string({
      description: "The author's page on the site, e.g. /author/jonathan-spitz/",
      resolve: (author) => uris.author(author.slug),
    }),
    name: t.exposeString("name", { description: "The name alone, without credentials" }),
    credentials: t.exposeString("credentials", { description: "Shown after the name, e.g. \"PsyD\"", nullable: true }),
    displayName: t.string({
      description: 'Name with credentials, as in a byline: "Jonathan Spitz, PsyD"',
      resolve: (author) => (author.credentials ? `${author.name}, ${author.credentials}` : author.name),
    }),
    isOrganization: t.exposeBoolean("isOrganization", { description: 'A staff or organisational byline such as "ARP Staff"' }),
    bio: t.exposeString("bio", { nullable: true, description: "Sanitized HTML" }),
    websiteUrl: t.expose("websiteUrl", { description: "The author's own website", type: "URL", nullable: true }),
    avatarUrl: t.expose("avatarUrl", { description: "The author's picture", type: "URL", nullable: true }),
    articleCount: t.int({
      description: "Published articles only",
      resolve: (author, _args, ctx) => ctx.loaders.authorArticleCount().load(author.id),
    }),
  }),
});

builder.queryFields((t) => ({
  author: t.prismaField({
    description: "The author with this slug; null if there is none",
    type: Author,
    nullable: true,
    args: { slug: t.arg.string({ description: "An author's slug", required: true }) },
    resolve: (query, _root, { slug }) => db().author.findUnique({ ...query, where: { slug } }),
  }),
  authors: t.connection(
    {
      type: Author,
      description: "By name",
      resolve: (_root, args, ctx, info) =>
        keysetConnection(
          args,
          ctx,
          info,
          modelList(ctx, info, {
            typeName: "Author",
            order: BY_NAME,
            where: {},
            findMany: (query) => db().author.findMany(query),
            count: (where) => db().author.count({ where }),
          }),
        ),
    },
    { fields: totalCountField },
  ),
}));
