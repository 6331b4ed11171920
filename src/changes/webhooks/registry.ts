import { z } from "zod";
import type { Tx } from "../../db/transaction.ts";
import { badInput, codedError } from "../../domain/errors.ts";
import { CHANGE_TYPES } from "../subjects.ts";
import { refusalOf } from "./addresses.ts";
import { newSecret } from "./signing.ts";

export interface WebhookInput {
  url?: string | null;
  events?: readonly string[] | null;
  description?: string | null;
}

const knownEvent = (event: string) => event === "*" || (CHANGE_TYPES as readonly string[]).includes(event) || /^[a-z]+\.\*$/.test(event);

const inputSchema = z.object({
  url: z.string().max(2048, "must be at most 2048 characters"),
  events: z.array(z.string()).min(1, "must list at least one event type (or \"*\")").max(50).refine((events) => events.every(knownEvent), {
    message: `must be change types such as article.published, a prefix such as article.*, or "*"`,
  }),
  description: z.string().max(500).nullish(),
});

async function checked(input: WebhookInput, allowPrivate: boolean, partial: boolean) {
  const parsed = (partial ? inputSchema.partial() : inputSchema).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = `input.${issue.path.join(".")}`;
    throw badInput(`${field}: ${issue.message}`, { field });
  }
  if (parsed.data.url != null) {
    const refusal = await refusalOf(parsed.data.url, allowPrivate);
    if (refusal) throw badInput(`input.url: ${refusal}`, { field: "input.url" });
  }
  return parsed.data;
}

const existing = async (tx: Tx, id: number) => {
  const webhook = await tx.webhook.findUnique({ where: { id } });
  if (!webhook) throw codedError("NOT_FOUND", "No webhook has this id", { field: "id" });
  return webhook;
};

/** Registers an endpoint; the answer is the only time its secret is shown. */
export async function createWebhook(tx: Tx, input: WebhookInput, now: Date, allowPrivate: boolean) {
  const data = await checked(input, allowPrivate, false);
  return tx.webhook.create({
    data: { url: data.url!, events: JSON.stringify(data.events), description: data.description ?? null, secret: newSecret(), createdAt: now, updatedAt: now },
  });
}

export async function updateWebhook(tx: Tx, id: number, input: WebhookInput, now: Date, allowPrivate: boolean) {
  await existing(tx, id);
  const data = await checked(input, allowPrivate, true);
  return tx.webhook.update({
    where: { id },
    data: {
      url: data.url ?? undefined,
      events: data.events ? JSON.stringify(data.events) : undefined,
      description: data.description === undefined ? undefined : data.description,
      updatedAt: now,
    },
  });
}

export async function deleteWebhook(tx: Tx, id: number): Promise<void> {
  await existing(tx, id);
  await tx.webhook.delete({ where: { id } });
}

/** A new secret, shown once; attempts from now on are signed with it. */
export async function rotateWebhookSecret(tx: Tx, id: number, now: Date) {
  await existing(tx, id);
  return tx.webhook.update({ where: { id }, data: { secret: newSecret(), updatedAt: now } });
}

/** Sends a delivery's event again, as a new delivery with the same webhook-id and body. */
export async function redeliver(tx: Tx, deliveryId: number, now: Date) {
  const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) throw codedError("NOT_FOUND", "No delivery has this id", { field: "deliveryId" });
  return tx.webhookDelivery.create({
    data: { webhookId: delivery.webhookId, sequence: delivery.sequence, messageId: delivery.messageId, payload: delivery.payload, nextAttemptAt: now, createdAt: now },
  });
}
