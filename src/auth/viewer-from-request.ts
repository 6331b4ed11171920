import { db, writeDb } from "../db/client.ts";
import { anonymous, previewTokenOf, isEditor, type Viewer } from "../domain/viewer.ts";
import { authenticateToken } from "./tokens.ts";
import { previewViewer } from "./preview-links.ts";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who is asking: a valid `Authorization: Bearer <token>` makes an editor or admin; else a
 * `Lantern-Preview: <token>` header makes a preview viewer, or is refused with PREVIEW_EXPIRED
 * (src/auth/preview-links.ts); anything else (no header, unknown or revoked API token) reads
 * anonymously, and protected fields refuse it.
 */
export function viewerFromRequest(request: Request, now: Date): Promise<Viewer> {
  // Asked by the trusted-documents check and by the context: look the token up once.
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = lookUpViewer(request, now);
    viewers.set(request, viewer);
  }
  return viewer;
}

/** Whether the request comes from an editor or admin (who may send documents outside the trusted-documents registry). */
export async function isEditorRequest(request: Request, now: Date): Promise<boolean> {
  return isEditor(await viewerFromRequest(request, now));
}

const viewers = new WeakMap<Request, Promise<Viewer>>();

async function lookUpViewer(request: Request, now: Date): Promise<Viewer> {
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  const token = match ? await authenticateToken(db(), match[1]!, now, writeDb()) : null;
  if (token) return { kind: "token", tokenId: token.id, name: token.name, role: token.role, authorId: token.authorId };
  const preview = previewTokenOf(request.headers);
  return preview == null ? anonymous : previewViewer(db(), preview, now);
}
