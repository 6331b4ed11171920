import { builder } from "../builder.ts";
import { inTransaction } from "../../editing/transaction.ts";
import { createPage, deletePage, updatePage } from "../../editing/pages.ts";
import { PageStatusEnum } from "../page-status.ts";
import { DeletePayload, PagePayload } from "./payloads.ts";

const pageInput = (required: boolean) =>
  builder.inputType(required ? "CreatePageInput" : "UpdatePageInput", {
    description: required ? undefined : "Only the fields given change",
    fields: (t) => ({
      title: t.string({ required }),
      body: t.string({ required, description: "HTML; sanitized when saved" }),
      slug: t.string({
        required: false,
        description: required ? "Generated from the title when not given" : "A new slug leaves a redirect from the old URI",
      }),
      status: t.field({ type: PageStatusEnum, required: false, description: required ? "PUBLISHED when not given" : undefined }),
    }),
  });

const CreatePageInput = pageInput(true);
const UpdatePageInput = pageInput(false);

builder.mutationFields((t) => ({
  createPage: t.field({
    type: PagePayload,
    authScopes: { editor: true },
    args: { input: t.arg({ type: CreatePageInput, required: true }) },
    resolve: async (_root, { input }) => ({ id: await inTransaction((tx) => createPage(tx, input)) }),
  }),
  updatePage: t.field({
    type: PagePayload,
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePageInput, required: true }) },
    resolve: async (_root, { id, input }) => ({ id: await inTransaction((tx) => updatePage(tx, String(id), input)) }),
  }),
  deletePage: t.field({
    type: DeletePayload,
    authScopes: { editor: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }) => {
      await inTransaction((tx) => deletePage(tx, String(id)));
      return { deletedId: String(id) };
    },
  }),
}));
