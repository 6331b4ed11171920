import type { Tx } from "../db/transaction.ts";

/**
 * Content now lives at `uri`: an old redirect from it would only be shadowed by the content, or
 * start a loop when that content moves again.
 */
export async function claimUri(tx: Tx, uri: string): Promise<void> {
  await tx.redirect.deleteMany({ where: { fromUri: uri } });
}

/**
 * Records that content moved from `fromUri` to `toUri`, keeping every redirect one hop long:
 * redirects that led to `fromUri` now lead straight to `toUri`, and none leaves `toUri`.
 *
 * Content readers cannot see (a draft, a scheduled article) must not change what readers get at
 * either URI: its move keeps any redirect already recorded from `fromUri` or `toUri`, which
 * readers still follow while the content is hidden (visible content always answers first).
 */
export async function addRedirect(tx: Tx, fromUri: string, toUri: string, { contentIsPublic = true } = {}): Promise<void> {
  if (fromUri === toUri) return;
  if (contentIsPublic) await claimUri(tx, toUri);
  await tx.redirect.updateMany({ where: { toUri: fromUri }, data: { toUri } });
  await tx.redirect.deleteMany({ where: { fromUri: toUri, toUri } });
  if (contentIsPublic) {
    await tx.redirect.upsert({ where: { fromUri }, create: { fromUri, toUri }, update: { toUri } });
  } else if (!(await tx.redirect.findUnique({ where: { fromUri } }))) {
    await tx.redirect.create({ data: { fromUri, toUri } });
  }
}

/** Content at `uri` is gone: redirects to it would lead nowhere. */
export async function dropRedirectsTo(tx: Tx, uri: string): Promise<void> {
  await tx.redirect.deleteMany({ where: { toUri: uri } });
}
