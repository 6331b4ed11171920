import type { CORSOptions } from "graphql-yoga";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { PREVIEW_HEADER } from "../../domain/viewer.ts";

/** Any one of these headers on a GET, form or multipart request proves it is not a forged one. */
export const CSRF_HEADERS = ["x-graphql-csrf", "apollo-require-preflight"];

/**
 * Public reads from any listed origin. No cookies or other credentials: editors authenticate
 * with the Authorization header, which a forged cross-site request cannot set; previews send
 * Lantern-Preview.
 */
export function corsOptions(origins: string[]): CORSOptions {
  return {
    origin: origins,
    credentials: false,
    methods: ["GET", "POST"],
    allowedHeaders: ["content-type", "authorization", PREVIEW_HEADER, ...CSRF_HEADERS],
    maxAge: 600,
  };
}

export function csrfPrevention() {
  return useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
}
