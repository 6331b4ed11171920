import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random single-use token for a link (32 bytes, base64url); only its hash is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The unsubscribe token of a subscriber: its id signed with the forms secret. Nothing is
 * stored, so the link in every mail ever sent keeps working; nobody can make one for another
 * id without the secret.
 */
export function unsubscribeToken(secret: string, subscriberId: number): string {
  return `${subscriberId}.${signature(secret, subscriberId)}`;
}

/** The subscriber id an unsubscribe token was made for, or undefined for a forged or mangled one. */
export function readUnsubscribeToken(secret: string, token: string): number | undefined {
  const match = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const id = Number(match[1]);
  const expected = Buffer.from(signature(secret, id));
  const given = Buffer.from(match[2]!);
  return Number.isSafeInteger(id) && timingSafeEqual(expected, given) ? id : undefined;
}

function signature(secret: string, subscriberId: number): string {
  return createHmac("sha256", secret).update(`unsubscribe:${subscriberId}`).digest("base64url");
}

/** The version of a consent text: the start of its SHA-256, so the same words always get the same version. */
export function consentVersion(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
