import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { createPage, deletePage, updatePage } from "../../write/pages.ts";
import { PageStatusEnum } from "../types/page-status.ts";
import { DeletePayload, PagePayload } from "./payloads.ts";

const pageInput = (required: boolean) =>
  builder.inputType(required ? "CreatePageInput" : "UpdatePageInput", {
    description: required ? "A new page" : "Only the fields given change",
    fields: (t) => ({
      title: t.string({ description: "Plain text", required }),
      body: t.string({ required, description: "HTML; sanitized when saved" }),
      slug: t.string({
        required: false,
        description: required ? "Generated from the title when not given" : "A new slug leaves a redirect from the old URI",
      }),
      status: t.field({
        type: PageStatusEnum,
        required: false,
        description: required ? "PUBLISHED when not given" : "DRAFT takes the page off the site",
      }),
    }),
  });

const CreatePageInput = pageInput(true);
const UpdatePageInput = pageInput(false);

builder.mutationFields((t) => ({
  createPage: t.field({
    description: "Creates a page",
    type: PagePayload,
    authScopes: { editor: true },
    args: { input: t.arg({ description: "The new page", type: CreatePageInput, required: true }) },
    resolve: async (_root, { input }) => ({ id: await inTransaction((tx) => createPage(tx, input)) }),
  }),
  updatePage: t.field({
    description: "Saves changes to a page",
    type: PagePayload,
    authScopes: { editor: true },
    args: {
      id: t.arg.id({ description: "The page's global id", required: true }),
      input: t.arg({ description: "The changes", type: UpdatePageInput, required: true }),
    },
    resolve: async (_root, { id, input }) => ({ id: await inTransaction((tx) => updatePage(tx, String(id), input)) }),
  }),
  deletePage: t.field({
    description: "Deletes a page; menu items that linked it stay without a target",
    type: DeletePayload,
    authScopes: { editor: true },
    args: { id: t.arg.id({ description: "The page's global id", required: true }) },
    resolve: async (_root, { id }) => {
      await inTransaction((tx) => deletePage(tx, String(id)));
      return { deletedId: String(id) };
    },
  }),
}));
