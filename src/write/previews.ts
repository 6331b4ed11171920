import type { Tx } from "../db/transaction.ts";
import { badInput, codedError } from "../domain/errors.ts";
import { formatPreviewToken, newSigningSecret } from "../domain/preview-token.ts";
import { uris } from "../domain/uri.ts";
import { existingArticle } from "./lookups.ts";

export const MIN_PREVIEW_SECONDS = 60;
export const MAX_PREVIEW_SECONDS = 30 * 86_400;

/** The signing key tokens are made with now: the newest, made on first use. */
async function currentKey(tx: Tx, now: Date) {
  const key = await tx.previewSigningKey.findFirst({ orderBy: { id: "desc" } });
  return key ?? tx.previewSigningKey.create({ data: { secret: newSigningSecret(), createdAt: now } });
}

/** A signed link to one article's latest state, valid for `expiresInSeconds`. */
export async function createPreviewLink(tx: Tx, articleGlobalId: string, expiresInSeconds: number, now: Date, tokenId: number | null) {
  if (!Number.isSafeInteger(expiresInSeconds) || expiresInSeconds < MIN_PREVIEW_SECONDS || expiresInSeconds > MAX_PREVIEW_SECONDS) {
    throw badInput(`"expiresInSeconds" must be from ${MIN_PREVIEW_SECONDS} to ${MAX_PREVIEW_SECONDS} (30 days)`, { argument: "expiresInSeconds" });
  }
  const article = await existingArticle(tx, articleGlobalId, "articleId");
  const key = await currentKey(tx, now);
  // Whole seconds: the token carries its expiry in seconds.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + expiresInSeconds * 1000);
  const link = await tx.previewLink.create({ data: { articleId: article.id, keyId: key.id, createdAt: now, expiresAt, tokenId } });
  return { id: link.id, token: formatPreviewToken(link.id, expiresAt, key.secret), expiresAt, uri: uris.article(article.slug) };
}

/** Revokes one link; NOT_FOUND for a link that does not exist. Revoking twice changes nothing. */
export async function revokePreviewLink(tx: Tx, rawId: string, now: Date): Promise<{ id: number; revokedAt: Date }> {
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : Number.NaN;
  const link = Number.isSafeInteger(id) ? await tx.previewLink.findUnique({ where: { id } }) : null;
  if (!link) throw codedError("NOT_FOUND", "No preview link has this id", { field: "id" });
  if (link.revokedAt) return { id, revokedAt: link.revokedAt };
  await tx.previewLink.update({ where: { id }, data: { revokedAt: now } });
  return { id, revokedAt: now };
}

/** A new signing key: every preview token issued before stops working. */
export async function rotatePreviewSigningKey(tx: Tx, now: Date): Promise<Date> {
  await tx.previewSigningKey.create({ data: { secret: newSigningSecret(), createdAt: now } });
  return now;
}
