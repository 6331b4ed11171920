/** Every code a caller can see in `extensions.code`, from any layer. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT"
  | "REVIEW_ALREADY_PENDING"
  | "PREVIEW_EXPIRED"
  | "RATE_LIMITED"
  | "REQUEST_ENTITY_TOO_LARGE"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/**
 * An expected failure with a code and a message safe to show, thrown by the domain, reads and
 * writes; `src/graphql/errors.ts` maps it to a GraphQL error in one place.
 */
export class DomainError extends Error {
  readonly extensions: Record<string, unknown> & { code: ErrorCode };

  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.extensions = { ...extensions, code };
  }
}

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, extensions);
}

export const badInput = (message: string, extensions?: Record<string, unknown>) => codedError("BAD_USER_INPUT", message, extensions);
