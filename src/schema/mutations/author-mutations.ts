import { builder } from "../builder.ts";
import { inTransaction } from "../../editing/transaction.ts";
import { createAuthor, deleteAuthor, updateAuthor } from "../../editing/authors.ts";
import { AuthorPayload, DeletePayload } from "./payloads.ts";

const authorInputFields = (required: boolean) =>
  builder.inputType(required ? "CreateAuthorInput" : "UpdateAuthorInput", {
    description: required ? undefined : "Only the fields given change; null clears the optional ones",
    fields: (t) => ({
      name: t.string({ required }),
      slug: t.string({
        required: false,
        description: required ? "Generated from the name when not given" : "A new slug leaves a redirect from the old URI",
      }),
      credentials: t.string({ required: false, description: 'Shown after the name, e.g. "PsyD"' }),
      bio: t.string({ required: false, description: "HTML; sanitized when saved" }),
      websiteUrl: t.string({ required: false }),
      avatarUrl: t.string({ required: false }),
      isOrganization: t.boolean({ required: false }),
    }),
  });

const CreateAuthorInput = authorInputFields(true);
const UpdateAuthorInput = authorInputFields(false);

builder.mutationFields((t) => ({
  createAuthor: t.field({
    type: AuthorPayload,
    authScopes: { editor: true },
    args: { input: t.arg({ type: CreateAuthorInput, required: true }) },
    resolve: async (_root, { input }) => ({ id: await inTransaction((tx) => createAuthor(tx, input)) }),
  }),
  updateAuthor: t.field({
    type: AuthorPayload,
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAuthorInput, required: true }) },
    resolve: async (_root, { id, input }) => ({ id: await inTransaction((tx) => updateAuthor(tx, String(id), input)) }),
  }),
  deleteAuthor: t.field({
    type: DeletePayload,
    description: "Refused (CONFLICT) while the author has articles, unless reassignArticlesTo names another author",
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }), reassignArticlesTo: t.arg.id({ required: false }) },
    resolve: async (_root, { id, reassignArticlesTo }) => {
      await inTransaction((tx) => deleteAuthor(tx, String(id), reassignArticlesTo?.toString()));
      return { deletedId: String(id) };
    },
  }),
}));
