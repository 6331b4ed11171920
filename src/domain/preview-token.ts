import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Preview tokens: `lp1.<link id>.<expiry in Unix seconds>.<signature>`, the signature being the
 * base64url HMAC-SHA256 of everything before it under the current signing key. The signature
 * proves the token was issued here; the link's row (src/auth/preview-links.ts) says whether it
 * was revoked and which key signed it, so rotating the key invalidates every token at once.
 */

const PREFIX = "lp1";
const TOKEN = /^lp1\.(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** A new signing key: 32 random bytes, base64url. */
export function newSigningSecret(): string {
  return randomBytes(32).toString("base64url");
}

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function formatPreviewToken(linkId: number, expiresAt: Date, secret: string): string {
  const payload = `${PREFIX}.${linkId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(secret, payload)}`;
}

export interface ParsedPreviewToken {
  linkId: number;
  expiresAtSeconds: number;
  /** Whether the signature is the one `secret` makes (compared in constant time). */
  signedWith: (secret: string) => boolean;
}

/** The parts of a token in the shape this API issues, or null for anything else. */
export function parsePreviewToken(token: string): ParsedPreviewToken | null {
  const match = TOKEN.exec(token.trim());
  if (!match) return null;
  const [, linkId, expires, given] = match as unknown as [string, string, string, string];
  const payload = `${PREFIX}.${linkId}.${expires}`;
  return {
    linkId: Number(linkId),
    expiresAtSeconds: Number(expires),
    signedWith: (secret) => {
      const expected = Buffer.from(signature(secret, payload));
      const actual = Buffer.from(given);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}

/** PREVIEW_URL with its placeholders filled in, or null when no PREVIEW_URL is set. */
export function previewUrl(template: string | undefined, token: string, uri: string): string | null {
  if (!template) return null;
  return template.replaceAll("{token}", encodeURIComponent(token)).replaceAll("{uri}", encodeURIComponent(uri));
}
