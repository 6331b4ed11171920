import { viewerFromRequest } from "../../auth/viewer-from-request.ts";
import type { Clock } from "../../platform/clock.ts";

/**
 * Whether a request comes from an authenticated editor or admin, who may send documents that
 * are not in the trusted-documents registry; tokens are judged at the server's clock's time.
 */
export function editorRequestCheck(clock: Clock): (request: Request) => Promise<boolean> {
  return async (request) => (await viewerFromRequest(request, clock.now())).kind === "token";
}
