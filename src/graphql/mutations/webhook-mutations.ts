import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { createWebhook, deleteWebhook, redeliver, rotateWebhookSecret, updateWebhook } from "../../changes/webhooks/registry.ts";
import { Webhook, WebhookDelivery } from "../types/webhooks.ts";

const CreateWebhookInput = builder.inputType("CreateWebhookInput", {
  description: "A new webhook",
  fields: (t) => ({
    url: t.string({ description: "An http(s) URL; private and loopback addresses are refused unless WEBHOOK_ALLOW_PRIVATE_NETWORKS", required: true }),
    events: t.stringList({ description: 'Change types such as article.published, prefixes such as article.*, or "*"', required: true }),
    description: t.string({ description: "What it is for", required: false }),
  }),
});

const UpdateWebhookInput = builder.inputType("UpdateWebhookInput", {
  description: "Only the fields given change",
  fields: (t) => ({
    url: t.string({ description: "An http(s) URL", required: false }),
    events: t.stringList({ description: "Replaces the change types it receives", required: false }),
    description: t.string({ description: "What it is for", required: false }),
  }),
});

const admin = { admin: true } as const;
const idOf = (id: string | number) => Number(id) || -1;

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: Webhook,
    description: "Admins only: registers an endpoint; the answer shows its signing secret, once",
    authScopes: admin,
    args: { input: t.arg({ description: "The endpoint", type: CreateWebhookInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      ...(await inTransaction((tx) => createWebhook(tx, input, ctx.now, ctx.allowPrivateWebhooks))),
      revealSecret: true,
    }),
  }),
  updateWebhook: t.field({
    type: Webhook,
    description: "Admins only: changes an endpoint's URL, events or description",
    authScopes: admin,
    args: {
      id: t.arg.id({ description: "The webhook's id", required: true }),
      input: t.arg({ description: "The changes", type: UpdateWebhookInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => inTransaction((tx) => updateWebhook(tx, idOf(id), input, ctx.now, ctx.allowPrivateWebhooks)),
  }),
  deleteWebhook: t.field({
    type: "ID",
    description: "Admins only: removes an endpoint and its deliveries; answers its id",
    authScopes: admin,
    args: { id: t.arg.id({ description: "The webhook's id", required: true }) },
    resolve: async (_root, { id }) => {
      await inTransaction((tx) => deleteWebhook(tx, idOf(id)));
      return String(id);
    },
  }),
  rotateWebhookSecret: t.field({
    type: Webhook,
    description: "Admins only: a new signing secret, shown once in the answer",
    authScopes: admin,
    args: { id: t.arg.id({ description: "The webhook's id", required: true }) },
    resolve: async (_root, { id }, ctx) => ({ ...(await inTransaction((tx) => rotateWebhookSecret(tx, idOf(id), ctx.now))), revealSecret: true }),
  }),
  redeliverWebhook: t.field({
    type: WebhookDelivery,
    description: "Admins only: sends a delivery's event again, with the same webhook-id",
    authScopes: admin,
    args: { deliveryId: t.arg.id({ description: "The delivery's id", required: true }) },
    resolve: (_root, { deliveryId }, ctx) => inTransaction((tx) => redeliver(tx, idOf(deliveryId), ctx.now)),
  }),
}));
