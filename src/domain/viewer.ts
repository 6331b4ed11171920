export type Role = "editor" | "admin";

export type Viewer =
  | { kind: "anonymous" }
  /** authorId: the person the token acts for (`npm run token -- create --author`), or null for the editorial desk. */
  | { kind: "token"; tokenId: number; name: string; role: Role; authorId: number | null }
  /**
   * A reader holding a valid preview link (the `Lantern-Preview` header): sees what anonymous
   * readers see, plus the one article the link was made for, in its latest state.
   */
  | { kind: "preview"; linkId: number; articleId: number };

export type Editor = Extract<Viewer, { kind: "token" }>;

export const anonymous: Viewer = { kind: "anonymous" };

/** The request header that carries a preview token (createPreviewLink). */
export const PREVIEW_HEADER = "lantern-preview";

/**
 * The request's preview token, or null without the header. An empty header counts as one (a
 * token refused as PREVIEW_EXPIRED): `get`, not `has`, which some Headers implementations
 * answer false for an empty value.
 */
export function previewTokenOf(headers: Headers): string | null {
  return headers.get(PREVIEW_HEADER);
}

/** The one article a preview viewer may see beyond what is live, or null for every other viewer. */
export function previewedArticleId(viewer: Viewer): number | null {
  return viewer.kind === "preview" ? viewer.articleId : null;
}

/**
 * Who the viewer is, decided here only. An editor (or admin) holds a valid API token: they
 * manage content, read it in every status (previews, editorial lists) and may send documents
 * that are not in the trusted-documents registry. Everyone else reads what is live.
 */
export function isEditor(viewer: Viewer): viewer is Editor {
  return viewer.kind === "token";
}

/** An admin also manages redirects and site settings. */
export function isAdmin(viewer: Viewer): viewer is Editor {
  return isEditor(viewer) && viewer.role === "admin";
}

/**
 * Whether a request carries credentials of any kind, valid or not (an Authorization, a
 * Cookie or a Lantern-Preview header). Such a request may be answered for its viewer alone: the response cache
 * never stores nor serves an answer for it, whoever the token turns out to be.
 */
export function carriesCredentials(headers: Headers): boolean {
  return headers.has("authorization") || headers.has("cookie") || previewTokenOf(headers) != null;
}
