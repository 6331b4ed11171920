import { randomUUID } from "node:crypto";
import type { ContentChange, PrismaClient } from "../../generated/prisma/client.ts";
import type { Tx } from "../../db/transaction.ts";
import type { Clock } from "../../platform/clock.ts";
import { retryDelayMs } from "../../platform/backoff.ts";
import { publicEntityId } from "../subjects.ts";
import { signature } from "./signing.ts";
import { send } from "./send.ts";

/** Deliveries are retried with the one back-off (src/platform/backoff.ts) for this long, then FAILED. */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/** The JSON body of a change's event (docs/webhooks.md). */
export function eventOf(change: ContentChange) {
  const detail = JSON.parse(change.detail) as { changes?: { uriBefore?: string | null; uriAfter?: string | null }[] };
  const entries = detail.changes ?? [change];
  const uris = [...new Set(entries.flatMap((entry) => [entry.uriBefore, entry.uriAfter]).filter((uri): uri is string => uri != null))];
  return {
    type: change.type,
    sequence: change.sequence,
    occurredAt: change.occurredAt.toISOString(),
    data: {
      id: publicEntityId(change.entityType, change.entityId),
      slug: change.slug,
      uri: change.uriAfter ?? change.uriBefore,
      previousUri: change.uriBefore !== change.uriAfter ? change.uriBefore : null,
      ...(detail.changes ? { changes: detail.changes } : {}),
    },
    uris,
    cacheKeys: JSON.parse(change.cacheKeys) as string[],
  };
}

const subscribes = (events: string, type: string) => {
  const list = JSON.parse(events) as string[];
  return list.includes("*") || list.includes(type) || list.includes(`${type.split(".")[0]}.*`);
};

/** The webhook consumer's handler: one delivery per change and subscribed webhook (registered before the change), in the consumer's transaction. */
export async function fanOut(tx: Tx, changes: ContentChange[]): Promise<void> {
  const webhooks = await tx.webhook.findMany({ select: { id: true, events: true, createdAt: true } });
  const rows = changes.flatMap((change) =>
    webhooks
      .filter((webhook) => webhook.createdAt <= change.occurredAt && subscribes(webhook.events, change.type))
      .map((webhook) => ({
        webhookId: webhook.id,
        sequence: change.sequence,
        messageId: `msg_${change.sequence}_${webhook.id}`,
        payload: JSON.stringify(eventOf(change)),
        nextAttemptAt: change.occurredAt,
        createdAt: change.occurredAt,
      })),
  );
  if (rows.length) await tx.webhookDelivery.createMany({ data: rows });
}

interface Attempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends due deliveries, like the mail worker: each batch is claimed with one conditional UPDATE,
 * so any number of instances send each attempt once. Every attempt of a delivery carries the same
 * webhook-id and body; a non-2xx answer, a timeout or a refused address is retried with back-off
 * until RETRY_WINDOW_MS after the change, then the delivery is FAILED.
 */
export class WebhookSender {
  readonly id = `sender-${randomUUID()}`;
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly allowPrivate: boolean,
    private readonly leaseMs = 60_000,
  ) {}

  async runOnce(batchSize = 20): Promise<WebhookReport> {
    const report: WebhookReport = { delivered: 0, retrying: 0, failed: 0 };
    const now = this.clock.now();
    const claimable = { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
    const candidates = await this.prisma.webhookDelivery.findMany({ where: claimable, orderBy: { id: "asc" }, take: batchSize, select: { id: true } });
    if (candidates.length === 0) return report;
    const claim = `${this.id}:${randomUUID()}`;
    await this.prisma.webhookDelivery.updateMany({
      where: { id: { in: candidates.map(({ id }) => id) }, ...claimable },
      data: { claimedBy: claim, claimedUntil: new Date(now.getTime() + this.leaseMs) },
    });
    const claimed = await this.prisma.webhookDelivery.findMany({ where: { claimedBy: claim }, orderBy: { id: "asc" }, include: { webhook: true } });
    await Promise.all(claimed.map(async (delivery) => (report[await this.attempt(delivery)] += 1)));
    return report;
  }

  async drain(): Promise<WebhookReport> {
    const total: WebhookReport = { delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const report = await this.runOnce();
      for (const key of Object.keys(total) as (keyof WebhookReport)[]) total[key] += report[key];
      if (report.delivered + report.retrying + report.failed === 0) return total;
    }
  }

  private async attempt(delivery: Awaited<ReturnType<PrismaClient["webhookDelivery"]["findMany"]>>[number] & { webhook: { url: string; secret: string } }): Promise<keyof WebhookReport> {
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const headers = {
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signature(delivery.webhook.secret, delivery.messageId, timestamp, delivery.payload),
    };
    const result = await send(delivery.webhook.url, headers, delivery.payload, this.allowPrivate);
    const now = this.clock.now();
    const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300 && !result.error;
    const attempts = delivery.attempts + 1;
    const next = new Date(now.getTime() + retryDelayMs(attempts));
    const outcome: keyof WebhookReport = ok ? "delivered" : next.getTime() - delivery.createdAt.getTime() > RETRY_WINDOW_MS ? "failed" : "retrying";
    const log = JSON.parse(delivery.attemptLog) as Attempt[];
    log.push({ at: now.toISOString(), statusCode: result.statusCode ?? null, error: result.error ?? null, durationMs: result.durationMs });
    await this.prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, claimedBy: delivery.claimedBy },
      data: {
        status: outcome === "delivered" ? "DELIVERED" : outcome === "failed" ? "FAILED" : "PENDING",
        attempts,
        nextAttemptAt: outcome === "retrying" ? next : delivery.nextAttemptAt,
        lastStatusCode: result.statusCode ?? null,
        lastError: ok ? null : (result.error ?? `answered ${result.statusCode}`),
        lastDurationMs: result.durationMs,
        attemptLog: JSON.stringify(log.slice(-50)),
        deliveredAt: ok ? now : null,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    return outcome;
  }
}
