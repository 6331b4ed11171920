import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "../generated/prisma/client.ts";
import { writeDb } from "./client.ts";
import { codedError } from "../domain/errors.ts";

export type Tx = Prisma.TransactionClient;

/**
 * Work that joins every transaction started inside `withTransactionHook`: it runs the
 * transaction's work itself (`write`), so it can read before and after it and write rows of its
 * own, all committed or rolled back together. How the change log records each mutation.
 */
export type TransactionHook = <T>(tx: Tx, write: () => Promise<T>) => Promise<T>;

const hooks = new AsyncLocalStorage<TransactionHook>();

/** Runs `work` so that each inTransaction inside it is joined by `hook`. */
export function withTransactionHook<T>(hook: TransactionHook, work: () => Promise<T>): Promise<T> {
  return hooks.run(hook, work);
}

/**
 * Runs one mutation as one interactive transaction: any thrown error rolls back every write.
 * SQLite runs one transaction at a time, so a mutation may wait for another to finish.
 * `timeoutMs`: how long the work may take (a whole import runs in one transaction).
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, { timeoutMs = 20_000 } = {}): Promise<T> {
  const hook = hooks.getStore();
  try {
    return await writeDb().$transaction((tx) => (hook ? hook(tx, () => work(tx)) : work(tx)), { maxWait: 10_000, timeout: timeoutMs });
  } catch (error) {
    // A unique index caught a race that the checks before the write could not see.
    if (isPrismaError(error, "P2002")) throw codedError("CONFLICT", "Another change claimed the same unique value; try again");
    throw error;
  }
}

export function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
