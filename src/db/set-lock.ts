import type { Tx } from "./transaction.ts";
import { usedProvider } from "./client.ts";

/**
 * Mutations that replace a whole set (a menu's items, a featured slot, the social links) delete
 * the old rows and insert the new ones. Two of them at once would each delete what was there
 * and both insert, doubling the set, so each takes the set's lock first, held until its
 * transaction ends. SQLite runs one write transaction at a time and needs none.
 */
export async function lockSet(tx: Tx, set: string): Promise<void> {
  if (usedProvider() !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`lantern:${set}`}))`;
}
