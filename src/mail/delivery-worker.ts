import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "../platform/backoff.ts";
import { PermanentMailError, type MailTransport } from "./transport.ts";
import { systemClock, type Clock } from "../platform/clock.ts";

export interface DeliveryWorkerOptions {
  prisma: PrismaClient;
  transport: MailTransport;
  from: string;
  clock?: Clock;
  /** Mails claimed at a time. */
  batchSize?: number;
  /** How long a claim holds; a worker that died mid-batch leaves its mails to others after this. */
  leaseMs?: number;
  /** Where delivery failures are logged. */
  log?: (line: string) => void;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what the outbox holds. Any number of workers (threads, processes, instances) may run
 * against one database: each claims a batch with one conditional UPDATE, which only takes rows
 * that are due and not claimed by another live worker, so no mail is handed to two of them.
 * A failed attempt is retried later with exponential back-off; a permanent refusal (SMTP 5xx)
 * or too many attempts marks the mail FAILED. A sent or failed mail keeps its envelope and
 * subject, not its body.
 */
export class DeliveryWorker {
  readonly id = `worker-${randomUUID()}`;
  private readonly prisma: PrismaClient;
  private readonly transport: MailTransport;
  private readonly from: string;
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly log: (line: string) => void;
  private cancelTimer: (() => void) | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(options: DeliveryWorkerOptions) {
    this.prisma = options.prisma;
    this.transport = options.transport;
    this.from = options.from;
    this.clock = options.clock ?? systemClock;
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.log = options.log ?? (() => {});
  }

  /** Claims one batch of due mails and tries to send each of them once. */
  async runOnce(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    for (const mail of await this.claimBatch()) {
      const outcome = await this.deliver(mail);
      report[outcome] += 1;
    }
    return report;
  }

  /** Runs batches until nothing is due; what a poll does. */
  async drain(): Promise<DeliveryReport> {
    const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const report = await this.runOnce();
      total.sent += report.sent;
      total.retrying += report.retrying;
      total.failed += report.failed;
      if (report.sent + report.retrying + report.failed === 0 || this.stopped) return total;
    }
  }

  /** Polls every `intervalMs` until stop(); poke() runs a poll at once (after a mail was queued). */
  start(intervalMs: number): void {
    let poked = false;
    const poll = () => {
      this.cancelTimer = undefined;
      poked = false;
      this.running = this.drain()
        .catch((error: unknown) => this.log(`mail delivery failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.running = undefined;
          // A mail queued while this poll ran may have been queued after it looked.
          if (!this.stopped) this.cancelTimer = this.clock.setTimer(poked ? 0 : intervalMs, poll);
        });
    };
    this.poke = () => {
      if (this.stopped) return;
      if (this.running) {
        poked = true;
      } else if (this.cancelTimer) {
        this.cancelTimer();
        poll();
      }
    };
    poll();
  }

  poke: () => void = () => {};

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    await this.running;
    this.transport.close();
  }

  /** Claims up to a batch of due mails; empty only when none is left to claim. */
  private async claimBatch() {
    for (;;) {
      const now = this.clock.now();
      const claimable = {
        status: "PENDING",
        nextAttemptAt: { lte: now },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      };
      const candidates = await this.prisma.outboxMail.findMany({
        where: claimable,
        orderBy: { id: "asc" },
        take: this.batchSize,
        select: { id: true },
      });
      if (candidates.length === 0) return [];
      const claim = `${this.id}:${randomUUID()}`;
      // One statement: it re-checks that each row is still claimable as it takes it, so when
      // two workers picked the same candidates, each row goes to exactly one of them.
      const { count } = await this.prisma.outboxMail.updateMany({
        where: { id: { in: candidates.map(({ id }) => id) }, ...claimable },
        data: { claimedBy: claim, claimedUntil: new Date(now.getTime() + this.leaseMs) },
      });
      // Another worker took them all first: look for more.
      if (count > 0) return this.prisma.outboxMail.findMany({ where: { claimedBy: claim }, orderBy: { id: "asc" } });
    }
  }

  private async deliver(mail: Awaited<ReturnType<DeliveryWorker["claimBatch"]>>[number]): Promise<keyof DeliveryReport> {
    const mine = { id: mail.id, claimedBy: mail.claimedBy };
    try {
      await this.transport.send({
        from: this.from,
        to: mail.toAddress,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: JSON.parse(mail.headers) as Record<string, string>,
        messageId: mail.messageId,
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      const givingUp = error instanceof PermanentMailError || attempts >= MAX_DELIVERY_ATTEMPTS;
      const now = this.clock.now();
      await this.prisma.outboxMail.updateMany({
        where: mine,
        data: {
          attempts,
          lastError: message.slice(0, 500),
          status: givingUp ? "FAILED" : "PENDING",
          ...(givingUp ? { text: "", html: "", headers: "{}" } : {}),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          claimedBy: null,
          claimedUntil: null,
        },
      });
      this.log(`mail ${mail.id} ${givingUp ? "failed for good" : `will be retried (attempt ${attempts})`}: ${message}`);
      return givingUp ? "failed" : "retrying";
    }
    await this.prisma.outboxMail.updateMany({
      where: mine,
      // The body may hold a single-use token (stored hashed everywhere else): once sent, it goes.
      data: { status: "SENT", sentAt: this.clock.now(), attempts: mail.attempts + 1, claimedBy: null, claimedUntil: null, lastError: null, text: "", html: "", headers: "{}" },
    });
    return "sent";
  }
}
