import type { Tx } from "../db/transaction.ts";
import { lockSet } from "../db/set-lock.ts";

/** A change to append to the log (the ContentChange model). */
export interface NewChange {
  type: string;
  entityType: string;
  entityId?: string | null;
  slug?: string | null;
  uriBefore?: string | null;
  uriAfter?: string | null;
  /** The response-cache keys whose answers the change alters. */
  cacheKeys: readonly string[];
  detail?: Record<string, unknown>;
  tokenId?: number | null;
  actor?: string | null;
  occurredAt: Date;
  /** For changes that happen by themselves: one row per claim key, whichever instance writes it first. */
  claimKey?: string | null;
}

/**
 * Appends `changes` inside the write's transaction, so they commit or roll back with it. On
 * PostgreSQL the log's lock is held from here to the commit: sequences are handed out in commit
 * order, so a reader that saw sequence n has already seen every change before it.
 */
export async function appendChanges(tx: Tx, changes: readonly NewChange[]): Promise<number[]> {
  if (changes.length === 0) return [];
  await lockSet(tx, "change-log");
  const sequences: number[] = [];
  for (const change of changes) {
    const row = await tx.contentChange.create({
      data: {
        type: change.type,
        entityType: change.entityType,
        entityId: change.entityId ?? null,
        slug: change.slug ?? null,
        uriBefore: change.uriBefore ?? null,
        uriAfter: change.uriAfter ?? null,
        cacheKeys: JSON.stringify([...new Set(change.cacheKeys)].sort()),
        detail: JSON.stringify(change.detail ?? {}),
        tokenId: change.tokenId ?? null,
        actor: change.actor ?? null,
        occurredAt: change.occurredAt,
        claimKey: change.claimKey ?? null,
      },
      select: { sequence: true },
    });
    sequences.push(row.sequence);
  }
  return sequences;
}

/**
 * One change for many rows written at once (an import, a bulk edit): consumers and webhooks see
 * one `batch.changed` event listing them, with the union of their cache keys (and `by.cacheKeys`,
 * what the batch changed beyond its entries).
 */
export async function appendBatchedChange(
  tx: Tx,
  entries: readonly Omit<NewChange, "occurredAt" | "tokenId" | "actor" | "claimKey">[],
  by: { occurredAt: Date; tokenId?: number | null; actor?: string | null; source: string; cacheKeys?: readonly string[] },
): Promise<number | undefined> {
  if (entries.length === 0) return undefined;
  const [sequence] = await appendChanges(tx, [
    {
      type: "batch.changed",
      entityType: "Batch",
      cacheKeys: [...entries.flatMap((entry) => entry.cacheKeys), ...(by.cacheKeys ?? [])],
      detail: {
        source: by.source,
        changes: entries.map(({ type, entityType, entityId, slug, uriBefore, uriAfter }) => ({ type, entityType, entityId, slug, uriBefore, uriAfter })),
      },
      occurredAt: by.occurredAt,
      tokenId: by.tokenId,
      actor: by.actor,
    },
  ]);
  return sequence;
}
