import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import type { Webhook as WebhookRow, WebhookDelivery as DeliveryRow } from "../../generated/prisma/client.ts";

export const Webhook = builder.objectRef<WebhookRow & { revealSecret?: boolean }>("Webhook").implement({
  description: "An endpoint that receives the change log as signed POSTs (Standard Webhooks)",
  fields: (t) => ({
    id: t.id({ description: "The webhook's id", resolve: (webhook) => String(webhook.id) }),
    url: t.exposeString("url", { description: "Where events are POSTed" }),
    events: t.stringList({ description: 'The change types it receives ("*": all)', resolve: (webhook) => JSON.parse(webhook.events) as string[] }),
    description: t.exposeString("description", { description: "What it is for", nullable: true }),
    secret: t.string({
      description: "The signing secret (whsec_...): only in the answers of createWebhook and rotateWebhookSecret",
      nullable: true,
      resolve: (webhook) => (webhook.revealSecret ? webhook.secret : null),
    }),
    createdAt: t.expose("createdAt", { description: "When it was registered", type: "DateTime" }),
  }),
});

interface Attempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const WebhookAttempt = builder.objectRef<Attempt>("WebhookAttempt").implement({
  description: "One attempt to deliver an event",
  fields: (t) => ({
    at: t.field({ description: "When it was made", type: "DateTime", resolve: (attempt) => new Date(attempt.at) }),
    statusCode: t.exposeInt("statusCode", { description: "The receiver's HTTP status; null when none came", nullable: true }),
    error: t.exposeString("error", { description: "Why it failed (timeout, refused address, ...)", nullable: true }),
    durationMs: t.exposeInt("durationMs", { description: "Milliseconds until the answer or the failure" }),
  }),
});

const DeliveryStatus = builder.enumType("WebhookDeliveryStatus", {
  description: "Where a delivery is",
  values: {
    PENDING: { description: "Not delivered yet; retried with back-off" },
    DELIVERED: { description: "A 2xx answer came" },
    FAILED: { description: "Given up on after 24 hours of retries" },
  },
});

export const WebhookDelivery = builder.objectRef<DeliveryRow>("WebhookDelivery").implement({
  description: "One event sent (or to send) to one webhook",
  fields: (t) => ({
    id: t.id({ description: "The delivery's id (for redeliverWebhook)", resolve: (delivery) => String(delivery.id) }),
    messageId: t.exposeString("messageId", { description: "The webhook-id header, the same on every attempt" }),
    sequence: t.exposeInt("sequence", { description: "The change's sequence" }),
    status: t.field({ description: "PENDING, DELIVERED or FAILED", type: DeliveryStatus, resolve: (delivery) => delivery.status as "PENDING" }),
    attempts: t.field({ description: "Every attempt so far, oldest first", type: [WebhookAttempt], resolve: (delivery) => JSON.parse(delivery.attemptLog) as Attempt[] }),
    nextAttemptAt: t.field({ description: "When the next attempt is due (while PENDING)", type: "DateTime", nullable: true, resolve: (d) => (d.status === "PENDING" ? d.nextAttemptAt : null) }),
    payload: t.exposeString("payload", { description: "The JSON body sent" }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.field({
    description: "Admins only: the registered webhooks",
    type: [Webhook],
    authScopes: { admin: true },
    resolve: () => db().webhook.findMany({ orderBy: { id: "asc" } }),
  }),
  webhookDeliveries: t.field({
    description: "Admins only: a webhook's latest deliveries, newest first",
    type: [WebhookDelivery],
    authScopes: { admin: true },
    args: {
      webhookId: t.arg.id({ description: "The webhook's id", required: true }),
      first: t.arg.int({ description: "How many (at most 100)", required: false, defaultValue: 20 }),
    },
    resolve: (_root, { webhookId, first }) =>
      db().webhookDelivery.findMany({ where: { webhookId: Number(webhookId) || -1 }, orderBy: { id: "desc" }, take: Math.min(Math.max(first ?? 20, 1), 100) }),
  }),
}));
