import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { isEditor } from "../../domain/viewer.ts";
import { previewUrl } from "../../domain/preview-token.ts";
import { createPreviewLink, revokePreviewLink, rotatePreviewSigningKey } from "../../write/previews.ts";

interface PreviewLinkShape {
  id: number;
  token: string;
  url: string | null;
  expiresAt: Date;
}

const PreviewLink = builder.objectRef<PreviewLinkShape>("PreviewLink").implement({
  description: "A signed link to one article's latest state, draft or scheduled included (see docs/previews.md)",
  fields: (t) => ({
    id: t.id({ description: "For revokePreviewLink", resolve: (link) => String(link.id) }),
    token: t.exposeString("token", { description: "Send it as the Lantern-Preview header; shown once, never stored in the clear elsewhere" }),
    url: t.exposeString("url", { nullable: true, description: "PREVIEW_URL with {token} and {uri} filled in, for the front end's draft mode; null when PREVIEW_URL is not set" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the token stops working (PREVIEW_EXPIRED after)" }),
  }),
});

const RevokedPreviewLink = builder.objectRef<{ id: number; revokedAt: Date }>("RevokedPreviewLink").implement({
  description: "A preview link that no longer works",
  fields: (t) => ({
    id: t.id({ description: "The link's id", resolve: (link) => String(link.id) }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", description: "When it was revoked" }),
  }),
});

const RotatedPreviewKey = builder.objectRef<{ rotatedAt: Date }>("RotatedPreviewKey").implement({
  description: "The preview signing key was replaced: every earlier preview token is refused",
  fields: (t) => ({
    rotatedAt: t.expose("rotatedAt", { type: "DateTime", description: "When the new key took over" }),
  }),
});

const editor = { editor: true } as const;

builder.mutationFields((t) => ({
  createPreviewLink: t.field({
    type: PreviewLink,
    description: "Editors only. A signed, expiring link that shows one article in its latest state (drafts and scheduled articles included) to whoever holds it",
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      expiresInSeconds: t.arg.int({ required: false, defaultValue: 86_400, description: "How long the link works, from 60 s to 30 days; a day when omitted" }),
    },
    resolve: async (_root, { articleId, expiresInSeconds }, ctx) => {
      const tokenId = isEditor(ctx.viewer) ? ctx.viewer.tokenId : null;
      const link = await inTransaction((tx) => createPreviewLink(tx, String(articleId), expiresInSeconds ?? 86_400, ctx.now, tokenId));
      return { id: link.id, token: link.token, expiresAt: link.expiresAt, url: previewUrl(ctx.previewUrl, link.token, link.uri) };
    },
  }),
  revokePreviewLink: t.field({
    type: RevokedPreviewLink,
    description: "Editors only. Makes one preview link stop working (PREVIEW_EXPIRED from then on)",
    authScopes: editor,
    args: { id: t.arg.id({ description: "PreviewLink.id", required: true }) },
    resolve: (_root, { id }, ctx) => inTransaction((tx) => revokePreviewLink(tx, String(id), ctx.now)),
  }),
  rotatePreviewSigningKey: t.field({
    type: RotatedPreviewKey,
    description: "Admins only. Replaces the key preview tokens are signed with: every preview link issued before stops working",
    authScopes: { admin: true },
    resolve: async (_root, _args, ctx) => ({ rotatedAt: await inTransaction((tx) => rotatePreviewSigningKey(tx, ctx.now)) }),
  }),
}));
