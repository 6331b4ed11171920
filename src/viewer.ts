export type Role = "editor" | "admin";

export type Viewer =
  | { kind: "anonymous" }
  | { kind: "token"; tokenId: number; name: string; role: Role };

export const anonymous: Viewer = { kind: "anonymous" };
