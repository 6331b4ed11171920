import { GraphQLError } from "graphql";
import { PothosValidationError } from "@pothos/core";
import { DomainError } from "../domain/errors.ts";

/**
 * Yoga's maskError hook: expected failures keep their message and code; anything else
 * (database errors, bugs) becomes a generic error so no SQL, path or stack leaves the process.
 */
export function maskError(error: unknown, fallbackMessage: string): GraphQLError {
  const graphqlError = error instanceof GraphQLError ? error : null;
  const original = graphqlError?.originalError ?? error;

  // Yoga logs every error that this function replaces, so client mistakes are passed on as the
  // same object (with a code added where there is none) and only real failures are logged.
  if (original instanceof PothosValidationError) {
    return graphqlError
      ? withExtensions(graphqlError, { code: "BAD_USER_INPUT" })
      : new GraphQLError(original.message, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (original instanceof DomainError) {
    // An expected failure of the domain, reads or writes: its message and code are for the caller.
    return graphqlError ? withExtensions(graphqlError, original.extensions) : new GraphQLError(original.message, { extensions: original.extensions });
  }
  if (graphqlError && !graphqlError.originalError) {
    // Request, parse and validation errors carry no original error and are safe to show, but for
    // the JSON parser's own words that Yoga copies into a malformed body's error. Yoga answered
    // such a request 400 only while they were there; it is malformed whatever the media type.
    if (graphqlError.extensions?.originalError) {
      const { originalError: _parserText, http, ...extensions } = graphqlError.extensions as Record<string, unknown>;
      return Object.assign(graphqlError, { extensions: { ...extensions, http: { ...(http as object), spec: false } } });
    }
    return graphqlError;
  }
  if (graphqlError && original instanceof GraphQLError && original.extensions?.code) {
    // The wrapper may say more (e.g. which variable was invalid) and carry Yoga's HTTP status.
    return withExtensions(graphqlError, original.extensions);
  }
  if (graphqlError && !graphqlError.path && original instanceof GraphQLError) {
    // graphql-js refusing a variable's value, before any field runs.
    return withExtensions(graphqlError, { code: "BAD_USER_INPUT" });
  }
  return new GraphQLError(fallbackMessage, {
    nodes: graphqlError?.nodes,
    path: graphqlError?.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}

function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  return Object.assign(error, { extensions: { ...error.extensions, ...extensions } });
}
