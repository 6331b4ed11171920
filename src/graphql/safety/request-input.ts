import { createGraphQLError, type Plugin } from "graphql-yoga";
import { Kind, type ASTVisitor, type ValidationRule } from "graphql";

/**
 * Variables and extensions nest at most this deep (objects and lists). Deeper input would only
 * be refused later, after graphql-js coerced it recursively (a thousand levels exhaust the stack).
 */
export const MAX_INPUT_DEPTH = 32;

const JSON_PARAMETERS = ["variables", "extensions"] as const;

function malformedRequest(message: string) {
  return createGraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
}

function badInput(message: string) {
  return createGraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

/** What is wrong with a string a caller sent: not valid Unicode, or a NUL (no database stores one in text). */
function textProblem(text: string): string | undefined {
  if (!text.isWellFormed()) return "contains text that is not valid Unicode (a lone surrogate)";
  if (text.includes("\u0000")) return "contains a NUL character";
  return undefined;
}

/** The first problem in a JSON value sent by a caller: too deep, or text that cannot be stored. */
function inputProblem(value: unknown, depth = 0): string | undefined {
  if (typeof value === "string") return textProblem(value);
  if (value === null || typeof value !== "object") return undefined;
  if (depth >= MAX_INPUT_DEPTH) return `nests more than ${MAX_INPUT_DEPTH} levels deep`;
  for (const [key, item] of Object.entries(value)) {
    const problem = inputProblem(key, depth) ?? inputProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Checks what a request carries besides its document before Yoga or graphql-js read it:
 * a GET's `variables` and `extensions` must be JSON and each operation of a batch an object
 * (400 otherwise, as for a malformed POST), and variables must be valid Unicode within a
 * bounded depth (BAD_USER_INPUT otherwise).
 */
export function checkRequestInput(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== "GET") return;
      for (const name of JSON_PARAMETERS) {
        const text = url.searchParams.get(name);
        if (!text) continue;
        try {
          JSON.parse(text);
        } catch {
          throw malformedRequest(`The "${name}" parameter is not valid JSON`);
        }
      }
    },
    onParams({ params }) {
      if (params == null || typeof params !== "object" || Array.isArray(params)) {
        throw malformedRequest("Each operation of a batched request must be an object with a query");
      }
      for (const name of JSON_PARAMETERS) {
        const problem = inputProblem(params[name]);
        if (problem) throw badInput(`"${name}" ${problem}`);
      }
    },
  };
}

/** Literal input values in a document (arguments, defaults): within the same depth, and storable text. */
export const inputValuesRule: ValidationRule = (context) => {
  let depth = 0;
  const nest = {
    enter() {
      depth += 1;
      if (depth === MAX_INPUT_DEPTH + 1) {
        context.reportError(badInput(`Input values nest at most ${MAX_INPUT_DEPTH} levels deep`));
      }
    },
    leave() {
      depth -= 1;
    },
  };
  const visitor: ASTVisitor = {
    [Kind.OBJECT]: nest,
    [Kind.LIST]: nest,
    [Kind.STRING](node) {
      const problem = textProblem(node.value);
      if (problem) context.reportError(badInput(`A string value ${problem}`));
    },
  };
  return visitor;
};
