import { GraphQLError } from "graphql";
import type { ErrorCode } from "../domain/errors.ts";
import { isAdmin, isEditor } from "../domain/viewer.ts";
import type { Context } from "./context.ts";

export interface AuthScopes {
  /** Manages content: articles, authors, categories, pages, featured slots, menus. */
  editor: boolean;
  /** Also manages redirects and site settings. */
  admin: boolean;
}

export function authScopesFor({ viewer }: Context): AuthScopes {
  return {
    editor: isEditor(viewer),
    admin: isAdmin(viewer),
  };
}

const refusal = (code: ErrorCode, message: string) => new GraphQLError(message, { extensions: { code } });

/** What Pothos' scope-auth answers when a field's scope refuses the caller. */
export function unauthorizedError(_parent: unknown, { viewer }: Context): GraphQLError {
  return !isEditor(viewer)
    ? refusal("UNAUTHENTICATED", "This operation needs a valid API token: send Authorization: Bearer <token>")
    : refusal("FORBIDDEN", `The ${viewer.role} role may not perform this operation`);
}
