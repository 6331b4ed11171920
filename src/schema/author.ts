import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { uris } from "../content/uri.ts";
import { visibleArticleWhere } from "../visibility.ts";
import { assertPageArgs } from "./pagination.ts";

// Include mode: every column comes with an author (no large ones), so authors loaded in SQL by
// the byline loader answer their scalar fields without another query.
export const Author = builder.prismaNode("Author", {
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    uri: t.string({ resolve: (author) => uris.author(author.slug) }),
    name: t.exposeString("name"),
    credentials: t.exposeString("credentials", { nullable: true }),
    displayName: t.string({
      description: 'Name with credentials, as in a byline: "Jonathan Spitz, PsyD"',
      resolve: (author) => (author.credentials ? `${author.name}, ${author.credentials}` : author.name),
    }),
    isOrganization: t.exposeBoolean("isOrganization", { description: 'A staff or organisational byline such as "ARP Staff"' }),
    bio: t.exposeString("bio", { nullable: true, description: "Sanitized HTML" }),
    websiteUrl: t.expose("websiteUrl", { type: "URL", nullable: true }),
    avatarUrl: t.expose("avatarUrl", { type: "URL", nullable: true }),
    articleCount: t.int({
      description: "Published articles only",
      resolve: (author, _args, ctx) => ctx.loaders.authorArticleCount().load(author.id),
    }),
    articles: t.relatedConnection("articles", {
      cursor: "id",
      totalCount: true,
      description: "Newest first",
      query: (args, ctx) => {
        assertPageArgs(args);
        return { where: visibleArticleWhere(ctx), orderBy: [{ publishedAt: "desc" }, { id: "desc" }] };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  author: t.prismaField({
    type: Author,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }) => db().author.findUnique({ ...query, where: { slug } }),
  }),
  authors: t.prismaConnection({
    type: Author,
    cursor: "id",
    description: "By name",
    totalCount: () => db().author.count(),
    resolve: (query, _root, args) => {
      assertPageArgs(args);
      return db().author.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] });
    },
  }),
}));
