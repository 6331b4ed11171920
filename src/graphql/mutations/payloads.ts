import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { Article } from "../types/article.ts";
import { Author } from "../types/author.ts";
import { Category } from "../types/category.ts";
import { Page } from "../types/page.ts";

/*
 * Payloads carry the id of what changed; the object itself is read after the transaction
 * committed, with exactly the fields the client selected.
 */

export const ArticlePayload = builder.objectRef<{ id: number }>("ArticlePayload").implement({
  description: "The result of an article mutation",
  fields: (t) => ({
    article: t.prismaField({
      description: "The article as saved",
      type: Article,
      resolve: (query, { id }) => db().article.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const AuthorPayload = builder.objectRef<{ id: number }>("AuthorPayload").implement({
  description: "The result of an author mutation",
  fields: (t) => ({
    author: t.prismaField({
      description: "The author as saved",
      type: Author,
      resolve: (query, { id }) => db().author.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const CategoryPayload = builder.objectRef<{ id: number }>("CategoryPayload").implement({
  description: "The result of a category mutation",
  fields: (t) => ({
    category: t.prismaField({
      description: "The category as saved",
      type: Category,
      resolve: (query, { id }) => db().category.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const PagePayload = builder.objectRef<{ id: number }>("PagePayload").implement({
  description: "The result of a page mutation",
  fields: (t) => ({
    page: t.prismaField({
      description: "The page as saved",
      type: Page,
      resolve: (query, { id }) => db().page.findUniqueOrThrow({ ...query, where: { id } }),
    }),
  }),
});

export const DeletePayload = builder.objectRef<{ deletedId: string }>("DeletePayload").implement({
  description: "The result of a delete",
  fields: (t) => ({
    deletedId: t.exposeID("deletedId", { description: "The global id the deleted object had" }),
  }),
});
