import type { Prisma } from "../generated/prisma/client.ts";
import { writeDb } from "./client.ts";
import { codedError } from "../domain/errors.ts";

export type Tx = Prisma.TransactionClient;

/**
 * Runs one mutation as one interactive transaction: any thrown error rolls back every write.
 * SQLite runs one transaction at a time, so a mutation may wait for another to finish.
 * `timeoutMs`: how long the work may take (a whole import runs in one transaction).
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, { timeoutMs = 20_000 } = {}): Promise<T> {
  try {
    return await writeDb().$transaction(work, { maxWait: 10_000, timeout: timeoutMs });
  } catch (error) {
    // A unique index caught a race that the checks before the write could not see.
    if (isPrismaError(error, "P2002")) throw codedError("CONFLICT", "Another change claimed the same unique value; try again");
    throw error;
  }
}

function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
