import { randomUUID } from "node:crypto";
import type { ContentChange, PrismaClient } from "../generated/prisma/client.ts";
import { isPrismaError, type Tx } from "../db/transaction.ts";
import type { Clock } from "../platform/clock.ts";

export interface ConsumerOptions {
  prisma: PrismaClient;
  clock: Clock;
  /** How long a lease holds; a consumer that died leaves the log to others after this. */
  leaseMs?: number;
  batchSize?: number;
}

/**
 * One reader of the change log, shared by every instance: whoever holds its lease handles the
 * changes after its cursor, in order, and moves the cursor in the same transaction as the
 * handler's writes. A handler that fails (or an instance that dies) moves nothing: the next
 * holder resumes from the cursor, so each change is handled exactly once.
 */
export class ChangeConsumer {
  readonly holder = `${randomUUID()}`;
  private readonly leaseMs: number;
  private readonly batchSize: number;

  constructor(
    readonly name: string,
    private readonly handle: (tx: Tx, changes: ContentChange[]) => Promise<void>,
    private readonly options: ConsumerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.batchSize = options.batchSize ?? 100;
  }

  /** Takes or renews the lease; false while another holder's lease runs. */
  async lease(): Promise<boolean> {
    const { prisma, clock } = this.options;
    const now = clock.now();
    try {
      await prisma.changeConsumer.create({ data: { name: this.name } });
    } catch (error) {
      if (!isPrismaError(error, "P2002")) throw error;
    }
    const { count } = await prisma.changeConsumer.updateMany({
      where: { name: this.name, OR: [{ leaseHolder: null }, { leaseHolder: this.holder }, { leaseExpiresAt: { lt: now } }] },
      data: { leaseHolder: this.holder, leaseExpiresAt: new Date(now.getTime() + this.leaseMs) },
    });
    return count === 1;
  }

  /** Handles one batch after the cursor; how many changes it handled (0 without the lease). */
  async runOnce(): Promise<number> {
    if (!(await this.lease())) return 0;
    return this.options.prisma.$transaction(
      async (tx) => {
        const { cursor } = await tx.changeConsumer.findUniqueOrThrow({ where: { name: this.name }, select: { cursor: true } });
        const changes = await tx.contentChange.findMany({ where: { sequence: { gt: cursor } }, orderBy: { sequence: "asc" }, take: this.batchSize });
        if (changes.length === 0) return 0;
        await this.handle(tx, changes);
        const { count } = await tx.changeConsumer.updateMany({
          where: { name: this.name, cursor, leaseHolder: this.holder },
          data: { cursor: changes.at(-1)!.sequence },
        });
        // Another holder took the lease (this one expired) and moved on: roll back what this one wrote.
        if (count !== 1) throw new Error(`change consumer ${this.name}: lease lost`);
        return changes.length;
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  }

  /** Runs batches until the log is read to its end (or the lease is another's). */
  async drain(): Promise<number> {
    let total = 0;
    for (let handled = await this.runOnce(); handled > 0; handled = await this.runOnce()) total += handled;
    return total;
  }

  /** Gives the lease up (on shutdown), so another instance takes over at once. */
  async release(): Promise<void> {
    await this.options.prisma.changeConsumer.updateMany({ where: { name: this.name, leaseHolder: this.holder }, data: { leaseHolder: null, leaseExpiresAt: null } });
  }
}
