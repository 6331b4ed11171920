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

const BATCH = 400;

/**
 * Many moves at once (an import's old links), with the rules of addRedirect for public content,
 * in a few statements per few hundred redirects: every redirect stays one hop long. A move from a
 * URI to itself is left out; when two moves leave the same URI, the last one given wins.
 */
export async function addRedirects(tx: Tx, moves: readonly { fromUri: string; toUri: string }[]): Promise<number> {
  const byFrom = new Map<string, string>();
  for (const { fromUri, toUri } of moves) if (fromUri !== toUri) byFrom.set(fromUri, toUri);
  // A move to a URI that itself moves ends where that one does.
  for (const [fromUri, toUri] of byFrom) {
    const seen = new Set([fromUri]);
    let end = toUri;
    while (byFrom.has(end) && !seen.has(end)) {
      seen.add(end);
      end = byFrom.get(end)!;
    }
    if (end === fromUri) byFrom.delete(fromUri);
    else byFrom.set(fromUri, end);
  }
  const entries = [...byFrom];
  for (let start = 0; start < entries.length; start += BATCH) {
    const chunk = entries.slice(start, start + BATCH);
    const froms = chunk.map(([fromUri]) => fromUri);
    const targets = [...new Set(chunk.map(([, toUri]) => toUri))];
    // The content lives at the targets now (claimUri), and redirects that led to an old URI lead on.
    await tx.redirect.deleteMany({ where: { fromUri: { in: targets } } });
    const leadingHere = await tx.redirect.findMany({ where: { toUri: { in: froms } }, select: { id: true, toUri: true } });
    for (const redirect of leadingHere) await tx.redirect.update({ where: { id: redirect.id }, data: { toUri: byFrom.get(redirect.toUri)! } });
    const existing = await tx.redirect.findMany({ where: { fromUri: { in: froms } }, select: { fromUri: true, toUri: true } });
    const stored = new Map(existing.map((redirect) => [redirect.fromUri, redirect.toUri]));
    for (const [fromUri, toUri] of chunk) {
      if (stored.has(fromUri) && stored.get(fromUri) !== toUri) await tx.redirect.update({ where: { fromUri }, data: { toUri } });
    }
    await tx.redirect.createMany({ data: chunk.filter(([fromUri]) => !stored.has(fromUri)).map(([fromUri, toUri]) => ({ fromUri, toUri })) });
  }
  return entries.length;
}
