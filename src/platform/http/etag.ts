import { createHash } from "node:crypto";
import { variantEtag } from "./compression.ts";

/** For answers no shared cache may keep: editors', POSTs, errors. */
export const PRIVATE = "private, no-store";

/** If-None-Match names this answer's ETag, or its tag for a compressed variant. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const bare = tag.trim().replace(/^W\//, "");
    return bare === etag || ["br", "gzip"].some((encoding) => bare === variantEtag(etag, encoding));
  });
}

export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** How long browsers and CDNs may keep a cached answer: public for GETs, never for POSTs. */
export function sharedCacheControl(maxAge: number, method: string): string {
  return method === "GET" || method === "HEAD" ? `public, max-age=${maxAge}, stale-while-revalidate=${Math.min(maxAge, 60)}` : PRIVATE;
}

/** A cached answer's keys, for CDNs to purge it by (Fastly's Surrogate-Key, Varnish's xkey). */
export function cacheKeyHeaders(keys: readonly string[]): Record<string, string> {
  return { "surrogate-key": keys.join(" "), xkey: keys.join(" ") };
}
