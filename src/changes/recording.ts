import { AsyncLocalStorage } from "node:async_hooks";
import type { GraphQLSchema } from "graphql";
import { withTransactionHook, type TransactionHook } from "../db/transaction.ts";
import { isEditor, type Viewer } from "../domain/viewer.ts";
import { appendChanges } from "../write/change-log.ts";
import { MUTATION_EFFECTS } from "./mutation-effects.ts";
import { changedKeys } from "./key-state.ts";
import { MUTATION_SUBJECTS, changeType, snapshotOf, type Snapshot } from "./subjects.ts";

const NONE: Snapshot = { exists: false };

/** A change a mutation appended, once its transaction committed. */
export interface RecordedChange {
  sequence: number;
  cacheKeys: string[];
}

const recordings = new AsyncLocalStorage<RecordedChange[]>();
const committedListeners = new Set<() => void>();

/** The changes the mutation running now has committed so far (empty outside a mutation). */
export function committedChanges(): readonly RecordedChange[] {
  return recordings.getStore() ?? [];
}

/** Calls `listener` after every mutation that appended changes (consumers drain the log then); returns the unsubscribe. */
export function onChangesCommitted(listener: () => void): () => void {
  committedListeners.add(listener);
  return () => void committedListeners.delete(listener);
}

/** A create mutation's transaction returns the new row's id; the effects read it as `{ id }`. */
const asPayload = (result: unknown) => (typeof result === "number" ? { id: result } : result);

/**
 * Each content mutation appends its change to the log inside its own transaction: what it is
 * about, its state and URI before and after, and the cache keys whose state differs (read before
 * the write and after it, through the transaction). A refused or rolled-back mutation appends
 * nothing. A step of the server's schema (src/app/schema-steps.ts).
 */
export function recordingChanges(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    const effect = MUTATION_EFFECTS[field.name];
    const subjectOf = MUTATION_SUBJECTS[field.name];
    if (!effect) throw new Error(`Mutation.${field.name} has no entry in MUTATION_EFFECTS (src/changes/mutation-effects.ts)`);
    if (!resolve || !subjectOf) continue;
    field.resolve = async (root, args: Record<string, unknown>, ctx: { viewer: Viewer; now: Date }, info) => {
      const recorded: RecordedChange[] = [];
      const hook: TransactionHook = async (tx, write) => {
        const now = ctx.now;
        const subjectBefore = subjectOf(args);
        // One query at a time: an interactive transaction is one connection (pg refuses overlapping queries from v9).
        const keysBefore = await effect(tx, args, now);
        const before = subjectBefore ? await snapshotOf(tx, subjectBefore, now) : NONE;
        const result = await write();
        const payload = asPayload(result);
        const subject = subjectOf(args, payload) ?? subjectBefore;
        const keysAfter = await effect(tx, args, now, payload);
        const after = subject ? await snapshotOf(tx, subject, now) : NONE;
        if (!subject) return result;
        const cacheKeys = changedKeys(keysBefore, keysAfter);
        const viewer = isEditor(ctx.viewer) ? ctx.viewer : undefined;
        const [sequence] = await appendChanges(tx, [
          {
            type: changeType(subject, before, after),
            entityType: subject.entityType,
            entityId: subject.entityId,
            slug: after.slug ?? before.slug,
            uriBefore: before.exists ? before.uri : null,
            uriAfter: after.exists ? after.uri : null,
            cacheKeys,
            tokenId: viewer?.tokenId,
            actor: viewer?.name,
            occurredAt: now,
          },
        ]);
        recorded.push({ sequence: sequence!, cacheKeys });
        return result;
      };
      const result: unknown = await recordings.run(recorded, () => withTransactionHook(hook, async () => resolve(root, args, ctx, info)));
      if (recorded.length) for (const listener of committedListeners) listener();
      return result;
    };
  }
  return schema;
}
