import { builder } from "../builder.ts";
import { inTransaction } from "../../editing/transaction.ts";
import { createCategory, deleteCategory, updateCategory } from "../../editing/categories.ts";
import { CategoryPayload, DeletePayload } from "./payloads.ts";

const categoryInput = (required: boolean) =>
  builder.inputType(required ? "CreateCategoryInput" : "UpdateCategoryInput", {
    description: required
      ? undefined
      : "Only the fields given change. A new slug or parent leaves redirects from the old URIs of the category and everything below it",
    fields: (t) => ({
      name: t.string({ required }),
      slug: t.string({ required: false, description: required ? "Generated from the name when not given" : undefined }),
      description: t.string({ required: false }),
      parentId: t.id({ required: false, description: required ? "Omit for a top-level category" : "null makes it top-level" }),
    }),
  });

const CreateCategoryInput = categoryInput(true);
const UpdateCategoryInput = categoryInput(false);

builder.mutationFields((t) => ({
  createCategory: t.field({
    type: CategoryPayload,
    authScopes: { editor: true },
    args: { input: t.arg({ type: CreateCategoryInput, required: true }) },
    resolve: async (_root, { input }) => ({ id: await inTransaction((tx) => createCategory(tx, input)) }),
  }),
  updateCategory: t.field({
    type: CategoryPayload,
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCategoryInput, required: true }) },
    resolve: async (_root, { id, input }) => ({ id: await inTransaction((tx) => updateCategory(tx, String(id), input)) }),
  }),
  deleteCategory: t.field({
    type: DeletePayload,
    description:
      "Refused (CONFLICT) while articles are filed in the category, unless moveArticlesTo names another category. Sub-categories move up to the deleted category's parent",
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }), moveArticlesTo: t.arg.id({ required: false }) },
    resolve: async (_root, { id, moveArticlesTo }) => {
      await inTransaction((tx) => deleteCategory(tx, String(id), moveArticlesTo?.toString()));
      return { deletedId: String(id) };
    },
  }),
}));
