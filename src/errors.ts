import { GraphQLError } from "graphql";
import { PothosValidationError } from "@pothos/core";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INTERNAL_SERVER_ERROR";

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  codedError("BAD_USER_INPUT", message, extensions);

/**
 * Yoga's maskError hook: expected failures keep their message and code; anything else
 * (database errors, bugs) becomes a generic error so no SQL, path or stack leaves the process.
 */
export function maskError(error: unknown, fallbackMessage: string): GraphQLError {
  const graphqlError = isGraphQLError(error) ? error : null;
  const original = graphqlError?.originalError ?? error;

  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  if (isGraphQLError(original) && original.extensions?.code) {
    // Already carrying its code: returning it unchanged also keeps Yoga from logging an expected failure.
    if (graphqlError?.extensions?.code === original.extensions.code) return graphqlError;
    // The wrapper may say more (e.g. which variable was invalid) and carry Yoga's HTTP status.
    return new GraphQLError(graphqlError?.message ?? original.message, {
      nodes: graphqlError?.nodes ?? original.nodes,
      path: graphqlError?.path ?? original.path,
      extensions: { ...graphqlError?.extensions, ...original.extensions },
    });
  }
  if (graphqlError && !graphqlError.path && isGraphQLError(original) && !original.originalError) {
    // graphql-js's own coercion errors for variables (e.g. a required input field left out): no resolver ran.
    return new GraphQLError(graphqlError.message, {
      nodes: graphqlError.nodes,
      extensions: { ...graphqlError.extensions, code: "BAD_USER_INPUT" },
    });
  }
  if (graphqlError && !graphqlError.originalError) {
    // Parse and validation errors carry no original error and are safe to show.
    return graphqlError;
  }
  return new GraphQLError(fallbackMessage, {
    nodes: graphqlError?.nodes,
    path: graphqlError?.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}

/** By name rather than instanceof: graphql may be loaded twice (ESM and CommonJS copies). */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError || (error instanceof Error && error.name === "GraphQLError");
}
