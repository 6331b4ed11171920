import { builder } from "../builder.ts";
import { db } from "../../db.ts";
import { Article } from "../article.ts";
import { Author } from "../author.ts";
import { Category } from "../category.ts";
import { Page } from "../page.ts";

/*
 * Payloads carry the id of what changed; the object itself is read after the transaction
 * committed, with exactly the fields the client selected.
 */

export const ArticlePayload = builder.objectRef<{ id: number }>("ArticlePayload").implement({
  fields: (t) => ({
    article: t.prismaField({
      type: Article,
      resolve: (query, { id }) => db().article.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const AuthorPayload = builder.objectRef<{ id: number }>("AuthorPayload").implement({
  fields: (t) => ({
    author: t.prismaField({
      type: Author,
      resolve: (query, { id }) => db().author.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const CategoryPayload = builder.objectRef<{ id: number }>("CategoryPayload").implement({
  fields: (t) => ({
    category: t.prismaField({
      type: Category,
      resolve: (query, { id }) => db().category.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const PagePayload = builder.objectRef<{ id: number }>("PagePayload").implement({
  fields: (t) => ({
    page: t.prismaField({
      type: Page,
      resolve: (query, { id }) => db().page.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const DeletePayload = builder.objectRef<{ deletedId: string }>("DeletePayload").implement({
  fields: (t) => ({
    deletedId: t.exposeID("deletedId", { description: "The global id the deleted object had" }),
  }),
});
