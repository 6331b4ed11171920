import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { createRedirect, deleteRedirect } from "../../write/manual-redirects.ts";
import { Redirect } from "../types/uri-target.ts";

const RedirectPayload = builder.objectRef<{ from: string; to: string }>("RedirectPayload").implement({
  description: "The result of createRedirect",
  fields: (t) => ({
    redirect: t.field({ description: "The redirect as saved", type: Redirect, resolve: (redirect) => redirect }),
  }),
});

const DeleteRedirectPayload = builder.objectRef<{ from: string }>("DeleteRedirectPayload").implement({
  description: "The result of deleteRedirect",
  fields: (t) => ({
    deletedFrom: t.exposeString("from", { description: "The path whose redirect was removed" }),
  }),
});

builder.mutationFields((t) => ({
  createRedirect: t.field({
    type: RedirectPayload,
    description: "Admins only. `from` is a site path; `to` a site path or an absolute http(s) URL",
    authScopes: { admin: true },
    args: {
      from: t.arg.string({ description: "The old path, e.g. /old-article/", required: true }),
      to: t.arg.string({ description: "A path on the site or an absolute URL elsewhere", required: true }),
    },
    resolve: (_root, { from, to }) => inTransaction((tx) => createRedirect(tx, from, to)),
  }),
  deleteRedirect: t.field({
    type: DeleteRedirectPayload,
    description: "Admins only",
    authScopes: { admin: true },
    args: { from: t.arg.string({ description: "The old path of the redirect to remove", required: true }) },
    resolve: async (_root, { from }) => ({ from: await inTransaction((tx) => deleteRedirect(tx, from)) }),
  }),
}));
