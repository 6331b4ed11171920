import type { GraphQLError } from "graphql";
import { codedError } from "../errors.ts";
import type { Context } from "../context.ts";

export interface AuthScopes {
  /** Manages content: articles, authors, categories, pages, featured slots, menus. */
  editor: boolean;
  /** Also manages redirects and site settings. */
  admin: boolean;
}

export function authScopesFor({ viewer }: Context): AuthScopes {
  return {
    editor: viewer.kind === "token",
    admin: viewer.kind === "token" && viewer.role === "admin",
  };
}

export function unauthorizedError(_parent: unknown, { viewer }: Context): GraphQLError {
  return viewer.kind === "anonymous"
    ? codedError("UNAUTHENTICATED", "This operation needs a valid API token: send Authorization: Bearer <token>")
    : codedError("FORBIDDEN", `The ${viewer.role} role may not perform this operation`);
}
