import type { PrismaClient } from "../generated/prisma/client.ts";
import { codedError, type DomainError } from "../domain/errors.ts";
import { parsePreviewToken } from "../domain/preview-token.ts";
import type { Viewer } from "../domain/viewer.ts";

const expired = (): DomainError =>
  codedError("PREVIEW_EXPIRED", "This preview link has expired, was revoked, or is not one this site issued: ask for a new one");

/**
 * The preview viewer a `Lantern-Preview` token makes, or PREVIEW_EXPIRED: never a silent
 * public answer. Valid means signed with the current signing key, for a link not revoked,
 * before its expiry at `now` (the request's clock).
 */
export async function previewViewer(prisma: PrismaClient, token: string, now: Date): Promise<Viewer> {
  const parsed = parsePreviewToken(token);
  if (!parsed) throw expired();
  const [link, key] = await Promise.all([
    prisma.previewLink.findUnique({ where: { id: parsed.linkId } }),
    prisma.previewSigningKey.findFirst({ orderBy: { id: "desc" } }),
  ]);
  if (!link || !key || link.keyId !== key.id || !parsed.signedWith(key.secret)) throw expired();
  if (link.revokedAt || Math.floor(link.expiresAt.getTime() / 1000) !== parsed.expiresAtSeconds || link.expiresAt <= now) throw expired();
  return { kind: "preview", linkId: link.id, articleId: link.articleId };
}
