/**
 * URIs and URLs, in one place: every routable object's canonical URI (in the shape of the site
 * Lantern serves: articles at the root, categories by their path in the tree), the absolute URL
 * of a URI under the public origin, and the parsing, normalizing and length limit of the http(s)
 * URLs and site paths that callers and editors send.
 */
export const uris = {
  home: () => "/",
  article: (slug: string) => `/${slug}/`,
  page: (slug: string) => `/page/${slug}/`,
  author: (slug: string) => `/author/${slug}/`,
  category: (slugPath: readonly string[]) => `/category/${slugPath.join("/")}/`,
  tag: (slug: string) => `/tag/${slug}/`,
};

/**
 * WordPress' id links at the site's root (`/?p=12`, `/?page_id=3`, `/?cat=7`, `/?tag_id=9`):
 * kept with their query by normalizeUri, so a redirect can answer them, and matched by nothing else.
 */
const LEGACY_ID_QUERY = /^\?(p|page_id|cat|tag_id)=(\d{1,12})$/;

/** The longest URL, URI or site path accepted anywhere (browsers and CDNs agree on little more). */
export const MAX_URL_LENGTH = 2048;

export const withinUrlLimit = (value: string): boolean => value.length <= MAX_URL_LENGTH;

/** A URI of the site as an absolute URL under `origin` (SITE_URL, without a trailing slash). */
export function absoluteUrl(origin: string, uri: string): string {
  return `${origin}${uri}`;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * An absolute http(s) URL as the WHATWG URL serializer writes it (quotes, angle brackets and
 * spaces percent-encoded, host lower-cased, so what is served is what a browser would request);
 * null when it is not one or is longer than the limit.
 */
export function normalizeHttpUrl(value: string): string | null {
  return withinUrlLimit(value) && isHttpUrl(value) ? new URL(value).href : null;
}

const SITE = "http://site.invalid";

/** A path on this site, normalized like a URL; null for what is not one ("//elsewhere", "/\\x"). */
export function normalizeSitePath(value: string): string | null {
  if (!value.startsWith("/")) return null;
  try {
    const url = new URL(value, SITE);
    return url.origin === SITE ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

export type ParsedUri =
  | { kind: "home" }
  | { kind: "article"; slug: string }
  | { kind: "page"; slug: string }
  | { kind: "author"; slug: string }
  | { kind: "category"; slugPath: string[] }
  | { kind: "tag"; slug: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Normalizes a path or absolute URL to "/a/b/" form; null when it cannot be one of ours. */
export function normalizeUri(input: string): string | null {
  let path = input.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      const url = new URL(path);
      path = `${url.pathname}${url.search}`;
    } catch {
      return null;
    }
  }
  const [pathPart = "", query] = path.split("#")[0]!.split(/\?(.*)/s);
  const legacy = query === undefined ? null : LEGACY_ID_QUERY.exec(`?${query}`);
  if (legacy && pathPart.replace(/\/+/g, "/").replace(/^\/?$/, "/") === "/") return `/?${legacy[1]}=${Number(legacy[2])}`;
  path = pathPart;
  if (!path.startsWith("/")) path = `/${path}`;
  const segments = path.split("/").filter(Boolean);
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

export function parseUri(normalized: string): ParsedUri | null {
  const segments = normalized.split("/").filter(Boolean).map((s) => s.toLowerCase());
  if (segments.length === 0) return { kind: "home" };
  if (!segments.every((s) => SLUG.test(s))) return null;
  const [first, ...rest] = segments as [string, ...string[]];
  if (rest.length === 0) return { kind: "article", slug: first };
  if (first === "page" && rest.length === 1) return { kind: "page", slug: rest[0]! };
  if (first === "author" && rest.length === 1) return { kind: "author", slug: rest[0]! };
  if (first === "category") return { kind: "category", slugPath: rest };
  if (first === "tag" && rest.length === 1) return { kind: "tag", slug: rest[0]! };
  return null;
}
