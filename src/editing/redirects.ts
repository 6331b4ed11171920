import type { Tx } from "./transaction.ts";

/**
 * Content now lives at `uri`: an old redirect from it would only shadow nothing, or start a
 * loop when that content moves again.
 */
export async function claimUri(tx: Tx, uri: string): Promise<void> {
  await tx.redirect.deleteMany({ where: { fromUri: uri } });
}

/**
 * Records that content moved from `fromUri` to `toUri`, keeping every redirect one hop long:
 * redirects that led to `fromUri` now lead straight to `toUri`, and none leaves `toUri`.
 */
export async function addRedirect(tx: Tx, fromUri: string, toUri: string): Promise<void> {
  if (fromUri === toUri) return;
  await claimUri(tx, toUri);
  await tx.redirect.updateMany({ where: { toUri: fromUri }, data: { toUri } });
  await tx.redirect.upsert({ where: { fromUri }, create: { fromUri, toUri }, update: { toUri } });
}

/** Content at `uri` is gone: redirects to it would lead nowhere. */
export async function dropRedirectsTo(tx: Tx, uri: string): Promise<void> {
  await tx.redirect.deleteMany({ where: { toUri: uri } });
}
