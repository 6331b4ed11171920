import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { createCategory, deleteCategory, updateCategory } from "../../write/categories.ts";
import { CategoryPayload, DeletePayload } from "./payloads.ts";

const categoryInput = (required: boolean) =>
  builder.inputType(required ? "CreateCategoryInput" : "UpdateCategoryInput", {
    description: required
      ? "A new category"
      : "Only the fields given change. A new slug or parent leaves redirects from the old URIs of the category and everything below it",
    fields: (t) => ({
      name: t.string({ description: "Plain text", required }),
      slug: t.string({
        required: false,
        description: required ? "Generated from the name when not given" : "A new slug leaves redirects from the old URIs",
      }),
      description: t.string({ required: false, description: "Plain text shown on the category's page" }),
      parentId: t.id({ required: false, description: required ? "Omit for a top-level category" : "null makes it top-level" }),
    }),
  });

const CreateCategoryInput = categoryInput(true);
const UpdateCategoryInput = categoryInput(false);

builder.mutationFields((t) => ({
  createCategory: t.field({
    description: "Creates a category",
    type: CategoryPayload,
    authScopes: { editor: true },
    args: { input: t.arg({ description: "The new category", type: CreateCategoryInput, required: true }) },
    resolve: async (_root, { input }) => ({ id: await inTransaction((tx) => createCategory(tx, input)) }),
  }),
  updateCategory: t.field({
    description: "Saves changes to a category; moving it records redirects for its and its sub-categories' URIs",
    type: CategoryPayload,
    authScopes: { editor: true },
    args: {
      id: t.arg.id({ description: "The category's global id", required: true }),
      input: t.arg({ description: "The changes", type: UpdateCategoryInput, required: true }),
    },
    resolve: async (_root, { id, input }) => ({ id: await inTransaction((tx) => updateCategory(tx, String(id), input)) }),
  }),
  deleteCategory: t.field({
    type: DeletePayload,
    description:
      "Refused (CONFLICT) while articles are filed in the category, unless moveArticlesTo names another category. Sub-categories move up to the deleted category's parent",
    authScopes: { editor: true },
    args: {
      id: t.arg.id({ description: "The category's global id", required: true }),
      moveArticlesTo: t.arg.id({
        description: "The global id of the category that takes the articles filed here; needed while there are any",
        required: false,
      }),
    },
    resolve: async (_root, { id, moveArticlesTo }) => {
      await inTransaction((tx) => deleteCategory(tx, String(id), moveArticlesTo?.toString()));
      return { deletedId: String(id) };
    },
  }),
}));
