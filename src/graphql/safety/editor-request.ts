import { viewerFromRequest } from "../../auth/viewer-from-request.ts";

/**
 * Whether a request comes from an authenticated editor or admin, who may send documents that
 * are not in the trusted-documents registry.
 */
export async function isEditorRequest(request: Request): Promise<boolean> {
  return (await viewerFromRequest(request, new Date())).kind === "token";
}
