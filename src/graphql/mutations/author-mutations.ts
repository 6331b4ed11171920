import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { createAuthor, deleteAuthor, updateAuthor } from "../../write/authors.ts";
import { AuthorPayload, DeletePayload } from "./payloads.ts";

const authorInputFields = (required: boolean) =>
  builder.inputType(required ? "CreateAuthorInput" : "UpdateAuthorInput", {
    description: required ? "A new author" : "Only the fields given change; null clears the optional ones",
    fields: (t) => ({
      name: t.string({ description: "The name alone, without credentials", required }),
      slug: t.string({
        required: false,
        description: required ? "Generated from the name when not given" : "A new slug leaves a redirect from the old URI",
      }),
      credentials: t.string({
        required: false,
        description: 'Shown after the name, e.g. "PsyD"; admins and editor tokens that act for no one only',
      }),
      bio: t.string({ required: false, description: "HTML; sanitized when saved" }),
      websiteUrl: t.string({ description: "An absolute http(s) URL", required: false }),
      avatarUrl: t.string({ description: "An absolute http(s) URL of the author's picture", required: false }),
      isOrganization: t.boolean({
        description: "A staff or organisational byline rather than a person; admins and editor tokens that act for no one only",
        required: false,
      }),
    }),
  });

const CreateAuthorInput = authorInputFields(true);
const UpdateAuthorInput = authorInputFields(false);

builder.mutationFields((t) => ({
  createAuthor: t.field({
    description: "Creates an author",
    type: AuthorPayload,
    authScopes: { editor: true },
    args: { input: t.arg({ description: "The new author", type: CreateAuthorInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({ id: await inTransaction((tx) => createAuthor(tx, input, ctx.viewer)) }),
  }),
  updateAuthor: t.field({
    description: "Saves changes to an author",
    type: AuthorPayload,
    authScopes: { editor: true },
    args: {
      id: t.arg.id({ description: "The author's global id", required: true }),
      input: t.arg({ description: "The changes", type: UpdateAuthorInput, required: true }),
    },
    resolve: async (_root, { id, input }, ctx) => ({ id: await inTransaction((tx) => updateAuthor(tx, String(id), input, ctx.viewer)) }),
  }),
  deleteAuthor: t.field({
    type: DeletePayload,
    description: "Refused (CONFLICT) while the author has articles, unless reassignArticlesTo names another author",
    authScopes: { editor: true },
    args: {
      id: t.arg.id({ description: "The author's global id", required: true }),
      reassignArticlesTo: t.arg.id({
        description: "The global id of the author who takes over the articles; needed while the author has any",
        required: false,
      }),
    },
    resolve: async (_root, { id, reassignArticlesTo }) => {
      await inTransaction((tx) => deleteAuthor(tx, String(id), reassignArticlesTo?.toString()));
      return { deletedId: String(id) };
    },
  }),
}));
