import type { Plugin } from "graphql-yoga";
import { viewerFromRequest } from "../../auth/viewer-from-request.ts";
import { DomainError } from "../../domain/errors.ts";
import { previewTokenOf } from "../../domain/viewer.ts";
import { PRIVATE } from "../../platform/http/etag.ts";
import { errorResponse } from "../../platform/http/error-response.ts";
import type { Clock } from "../../platform/clock.ts";

/**
 * A GraphQL request with a `Lantern-Preview` token that is expired, revoked, signed with an old
 * key or not one this API issued is answered PREVIEW_EXPIRED before anything runs: never as if
 * it were anonymous (the front end would show the public page and call it the draft).
 */
export function previewRefusal(clock: Clock, graphqlPath = "/graphql"): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlPath || previewTokenOf(request.headers) == null) return;
      try {
        await viewerFromRequest(request, clock.now());
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== "PREVIEW_EXPIRED") throw error;
        endResponse(errorResponse(403, error.code, error.message, { "cache-control": PRIVATE, "x-robots-tag": "noindex" }));
      }
    },
  };
}
