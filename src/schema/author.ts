import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { uris } from "../content/uri.ts";
import type { Author as AuthorRow } from "../generated/prisma/client.ts";
import { resolveConnection, type CursorOrder } from "./pagination.ts";
import { keysetOrderBy, keysetWhere, type KeysetSort } from "./keyset.ts";
import { nodeSelection, selectsPage } from "./article-connection.ts";
import { totalCountField } from "./total-count.ts";

const BY_NAME: KeysetSort = { column: "name", direction: "asc", nullable: false };
const AUTHOR_CURSOR: CursorOrder<Pick<AuthorRow, "id" | "name">, string> = {
  name: "Author:NAME",
  positionOf: (author) => ({ key: author.name, id: author.id }),
  parseKey: (raw) => (typeof raw === "string" && raw.length <= 1000 ? raw : undefined),
};

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
  }),
});

builder.queryFields((t) => ({
  author: t.prismaField({
    type: Author,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }) => db().author.findUnique({ ...query, where: { slug } }),
  }),
  authors: t.connection(
    {
      type: Author,
      description: "By name",
      resolve: async (_root, args, ctx, info) => {
        const query = nodeSelection(ctx, info, "Author", { id: true, name: true });
        const connection = await resolveConnection(args, AUTHOR_CURSOR, async (window) =>
          selectsPage(ctx, info)
            ? db().author.findMany({
                ...query,
                where: { AND: keysetWhere(BY_NAME, window) },
                orderBy: keysetOrderBy(BY_NAME, window.fromEnd),
                take: window.limit,
              })
            : [],
        );
        return { ...connection, totalCount: () => db().author.count() };
      },
    },
    { fields: totalCountField },
  ),
}));
