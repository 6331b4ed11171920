import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { uris } from "../../domain/uri.ts";
import { visiblePageWhere } from "../../domain/visibility.ts";
import { TextFormatEnum } from "../scalars/text-format.ts";
import { htmlToPlainText } from "../../domain/html.ts";

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
}));
