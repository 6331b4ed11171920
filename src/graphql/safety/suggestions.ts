import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

// graphql-js appends these hints to unknown fields, arguments, types, input fields and enum
// values, in validation and when coercing variables alike; together they map the schema.
// (graphql-armor's block-field-suggestions only sees validation errors, and misses the enum form
// `Did you mean the enum value "X"?`.)
const SUGGESTION = / ?Did you mean [^?]*\?$/;

function withoutSuggestion(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || !SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ""), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

/** Removes "Did you mean ...?" from every error in a response. */
export function hideSuggestions(): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    onResultProcess({ result, setResult }) {
      const results = Array.isArray(result) ? result : [result];
      if (!results.some((single) => "errors" in single && single.errors?.length)) return;
      const cleaned = results.map((single) =>
        "errors" in single && single.errors ? { ...single, errors: single.errors.map(withoutSuggestion) } : single,
      );
      setResult((Array.isArray(result) ? cleaned : cleaned[0]) as typeof result);
    },
  };
}
