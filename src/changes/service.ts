import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Clock } from "../platform/clock.ts";
import { systemClock } from "../platform/clock.ts";
import type { Config } from "../platform/settings.ts";
import type { Logger } from "../platform/logging.ts";
import { writeDb } from "../db/client.ts";
import { nextScheduledChange } from "../read/schedule.ts";
import { ChangeConsumer } from "./consumer.ts";
import { appendScheduledChanges } from "./scheduled.ts";
import { fanOut, WebhookSender, type WebhookReport } from "./webhooks/deliveries.ts";
import { onChangesCommitted } from "./recording.ts";

export interface ChangeServiceOptions {
  prisma: PrismaClient;
  clock?: Clock;
  allowPrivateNetworks: boolean;
  leaseMs?: number;
  log?: (line: string) => void;
}

/**
 * What each instance runs beside the server: it writes passed scheduled instants to the log
 * (once across instances), moves the log's changes into webhook deliveries (the `webhooks`
 * consumer: one lease, one cursor) and sends the deliveries that are due.
 */
export class ChangeService {
  readonly webhooks: ChangeConsumer;
  readonly sender: WebhookSender;
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  private cancelTimer: (() => void) | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private poked = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: ChangeServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => {});
    this.webhooks = new ChangeConsumer("webhooks", fanOut, { prisma: options.prisma, clock: this.clock, leaseMs: options.leaseMs });
    this.sender = new WebhookSender(options.prisma, this.clock, options.allowPrivateNetworks);
  }

  /** One pass: passed instants, then the log into deliveries, then every due delivery. */
  async runOnce(): Promise<{ scheduled: number; handled: number } & WebhookReport> {
    const scheduled = await appendScheduledChanges(this.options.prisma, this.clock.now());
    const handled = await this.webhooks.drain();
    return { scheduled, handled, ...(await this.sender.drain()) };
  }

  /** Polls every `intervalMs` and at each scheduled instant, and at once after a change this process committed. */
  start(intervalMs: number): void {
    this.poll = () => {
      this.cancelTimer = undefined;
      this.poked = false;
      this.running = this.runOnce()
        .catch((error: unknown) => this.log(`change log: ${error instanceof Error ? error.message : String(error)}`))
        .then(async () => {
          const now = this.clock.now();
          const next = await nextScheduledChange(now).catch(() => undefined);
          return Math.max(0, Math.min(intervalMs, next ? next.getTime() - now.getTime() : intervalMs));
        })
        .then((wait) => {
          this.running = undefined;
          // A change committed while this pass ran may have come after it read the log.
          if (!this.stopped) this.cancelTimer = this.clock.setTimer(this.poked ? 0 : wait, this.poll);
        });
    };
    this.unsubscribe = onChangesCommitted(() => this.poke());
    this.poll();
  }

  private poll: () => void = () => {};

  /** Runs a pass now (or right after the one running). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.poked = true;
    } else if (this.cancelTimer) {
      this.cancelTimer();
      this.poll();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.unsubscribe?.();
    await this.running;
    await this.webhooks.release().catch(() => undefined);
  }
}

/** The process' change service (scripts/start.ts). */
export function startChangeService(settings: Config, logger: Logger): ChangeService {
  const service = new ChangeService({ prisma: writeDb(), allowPrivateNetworks: settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS, log: logger.warn });
  service.start(settings.WEBHOOK_POLL_INTERVAL_MS);
  return service;
}
