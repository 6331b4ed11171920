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

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** The HTTP caching headers of a cached answer: for browsers and CDNs, with its cache keys. */
export function cachedHeaders(etag: string, keys: readonly string[], maxAge: number, method: string): Record<string, string> {
  return {
    "cache-control": method === "GET" ? `public, max-age=${maxAge}, stale-while-revalidate=${Math.min(maxAge, 60)}` : PRIVATE,
    etag,
    "surrogate-key": keys.join(" "),
    xkey: keys.join(" "),
  };
}
