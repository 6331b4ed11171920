import { GraphQLError, type ValidationContext } from "graphql";

export type LimitCode =
  | "MAX_DEPTH_EXCEEDED"
  | "MAX_ALIASES_EXCEEDED"
  | "MAX_DIRECTIVES_EXCEEDED"
  | "MAX_TOKENS_EXCEEDED"
  | "MAX_COST_EXCEEDED";

function limitError(code: LimitCode, armorError: GraphQLError): GraphQLError {
  // graphql-armor prefixes every rejection with "Syntax Error: ", even when the syntax is fine.
  return new GraphQLError(armorError.message.replace(/^Syntax Error: /, ""), { extensions: { code } });
}

/** graphql-armor options that report a rejection as a coded validation error. */
export function reportAs(code: LimitCode) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(code, error))],
  };
}

/** graphql-armor options for the parser, which has no validation context: the coded error is thrown. */
export function throwAs(code: LimitCode) {
  return {
    propagateOnRejection: false,
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        throw limitError(code, error);
      },
    ],
  };
}
