import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { uris } from "../../domain/uri.ts";
import { visiblePageWhere } from "../../domain/visibility.ts";
import { TextFormatEnum } from "../scalars/text-format.ts";
import { htmlToPlainText } from "../../domain/html.ts";
import type { Page as PageRow } from "../../generated/prisma/client.ts";
import { keysetConnection, modelList, type ListOrder } from "../connections/keyset-connection.ts";
import { totalCountField } from "../connections/total-count.ts";

const BY_TITLE: ListOrder<Pick<PageRow, "id" | "title">, string> = {
  sort: { column: "title", direction: "asc", nullable: false },
  select: { id: true, title: true },
  cursor: {
    name: "Page:TITLE",
    positionOf: (page) => ({ key: page.title, id: page.id }),
    parseKey: (raw) => (typeof raw === "string" && raw.length <= 1000 ? raw : undefined),
  },
};

export const Page = builder.prismaNode("Page", {
  description: "A standalone page such as About or Contact",
  select: { id: true },
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Unique; the page's URI is /page/<slug>/" }),
    uri: t.string({
      description: "The page's path on the site, e.g. /page/about/",
      select: { slug: true },
      resolve: (page) => uris.page(page.slug),
    }),
    title: t.exposeString("title", { description: "Plain text" }),
    body: t.string({
      description: "The page's text",
      args: {
        format: t.arg({ description: "Sanitized HTML, or plain text", type: TextFormatEnum, defaultValue: "HTML", required: true }),
      },
      select: { body: true },
      resolve: (page, { format }) => (format === "PLAIN" ? htmlToPlainText(page.body) : page.body),
    }),
    updatedAt: t.expose("updatedAt", { description: "When the page was last saved", type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  page: t.prismaField({
    description: "The page with this slug; null if there is none or you may not see it",
    type: Page,
    nullable: true,
    args: { slug: t.arg.string({ description: "A page's slug", required: true }) },
    resolve: (query, _root, { slug }, ctx) => db().page.findFirst({ ...query, where: { slug, ...visiblePageWhere(ctx) } }),
  }),
  pages: t.connection(
    {
      type: Page,
      description: "The pages you may see, by title",
      resolve: (_root, args, ctx, info) =>
        keysetConnection(
          args,
          ctx,
          info,
          modelList(ctx, info, {
            typeName: "Page",
            order: BY_TITLE,
            where: visiblePageWhere(ctx),
            findMany: (query) => db().page.findMany(query),
            count: (where) => db().page.count({ where }),
          }),
        ),
    },
    { fields: totalCountField },
  ),
}));
