import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { uris } from "../content/uri.ts";
import { visiblePageWhere } from "../visibility.ts";
import { TextFormatEnum } from "./text-format.ts";
import { htmlToPlainText } from "../content/html.ts";

export const Page = builder.prismaNode("Page", {
  select: { id: true },
  id: { field: "id" },
  findUnique: (id) => ({ id: Number(id) }),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    uri: t.string({ select: { slug: true }, resolve: (page) => uris.page(page.slug) }),
    title: t.exposeString("title"),
    body: t.string({
      args: { format: t.arg({ type: TextFormatEnum, defaultValue: "HTML", required: true }) },
      select: { body: true },
      resolve: (page, { format }) => (format === "PLAIN" ? htmlToPlainText(page.body) : page.body),
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  page: t.prismaField({
    type: Page,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, ctx) => db().page.findFirst({ ...query, where: { slug, ...visiblePageWhere(ctx) } }),
  }),
}));
