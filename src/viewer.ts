export type Role = "editor" | "admin";

export type Viewer =
  | { kind: "anonymous" }
  | { kind: "token"; tokenId: number; name: string; role: Role };

export const anonymous: Viewer = { kind: "anonymous" };

/** Editors and admins may read content in every status (previews, editorial lists). */
export function canSeeUnpublished(viewer: Viewer): boolean {
  return viewer.kind === "token";
}
