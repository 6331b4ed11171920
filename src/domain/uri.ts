/**
 * Every routable object has one canonical URI, in the shape of the site Lantern
 * serves: articles at the root, categories by their path in the tree.
 */
export const uris = {
  home: () => "/",
  article: (slug: string) => `/${slug}/`,
  page: (slug: string) => `/page/${slug}/`,
  author: (slug: string) => `/author/${slug}/`,
  category: (slugPath: readonly string[]) => `/category/${slugPath.join("/")}/`,
};

export type ParsedUri =
  | { kind: "home" }
  | { kind: "article"; slug: string }
  | { kind: "page"; slug: string }
  | { kind: "author"; slug: string }
  | { kind: "category"; slugPath: string[] };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Normalizes a path or absolute URL to "/a/b/" form; null when it cannot be one of ours. */
export function normalizeUri(input: string): string | null {
  let path = input.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return null;
    }
  }
  path = path.split(/[?#]/)[0] ?? "";
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
  return null;
}
