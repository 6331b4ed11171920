export type Role = "editor" | "admin";

export type Viewer =
  | { kind: "anonymous" }
  /** authorId: the person the token acts for (`npm run token -- create --author`), or null for the editorial desk. */
  | { kind: "token"; tokenId: number; name: string; role: Role; authorId: number | null };

export const anonymous: Viewer = { kind: "anonymous" };
