import { builder } from "../builder.ts";
import { inTransaction } from "../../editing/transaction.ts";
import { createRedirect, deleteRedirect } from "../../editing/manual-redirects.ts";
import { Redirect } from "../uri-target.ts";

const RedirectPayload = builder.objectRef<{ from: string; to: string }>("RedirectPayload").implement({
  fields: (t) => ({
    redirect: t.field({ type: Redirect, resolve: (redirect) => redirect }),
  }),
});

const DeleteRedirectPayload = builder.objectRef<{ from: string }>("DeleteRedirectPayload").implement({
  fields: (t) => ({
    deletedFrom: t.exposeString("from"),
  }),
});

builder.mutationFields((t) => ({
  createRedirect: t.field({
    type: RedirectPayload,
    description: "Admins only. `from` is a site path; `to` a site path or an absolute http(s) URL",
    authScopes: { admin: true },
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    resolve: (_root, { from, to }) => inTransaction((tx) => createRedirect(tx, from, to)),
  }),
  deleteRedirect: t.field({
    type: DeleteRedirectPayload,
    description: "Admins only",
    authScopes: { admin: true },
    args: { from: t.arg.string({ required: true }) },
    resolve: async (_root, { from }) => ({ from: await inTransaction((tx) => deleteRedirect(tx, from)) }),
  }),
}));
