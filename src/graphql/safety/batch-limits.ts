import { getOperationAST, Kind, Lexer, parse, Source, TokenKind, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { createGraphQLError, type GraphQLParams, type Plugin } from "graphql-yoga";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import type { Config } from "../../platform/settings.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../connections/connection-size.ts";
import { withPageSizes } from "./cost-of-connection-sizes.ts";
import type { LimitCode } from "./rejection.ts";

type Limits = Pick<Config, "MAX_ALIASES" | "MAX_TOKENS" | "MAX_COST">;

/** A batched operation's document text: its query, or the registered document its hash names. */
export type DocumentText = (params: GraphQLParams, request: Request) => string | undefined;

/** Tokens in `text` as graphql-armor counts them (comments excluded), counting stops past `cap`. */
function tokenCount(text: string, cap: number): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count <= cap && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error: the operation is refused on its own.
  }
  return count;
}

/** The document with only the operation the request runs (and every fragment). */
function selectedOperation(document: DocumentNode, operationName: string | null | undefined): DocumentNode | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  return { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
}

/** graphql-armor's measure of a document, by one of its rules given an unreachable limit. */
function measured(schema: GraphQLSchema, document: DocumentNode, rule: typeof costLimitRule | typeof maxAliasesRule): number {
  let total = 0;
  const onAccept = [(_context: unknown, { n }: { n: number }) => void (total += n)];
  validate(schema, document, [rule({ maxCost: Infinity, n: Infinity, onAccept, propagateOnRejection: false })]);
  return total;
}

function refusal(code: LimitCode, message: string) {
  return createGraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * A batch is as costly as its operations together: their tokens, aliases and page-weighted cost
 * are summed and held to the single-operation limits (same codes), before any operation runs.
 */
export function batchLimits(limits: Limits, schema: GraphQLSchema, documentText: DocumentText): Plugin {
  const sizes = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE };
  return {
    onRequestParse({ request }) {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult) || requestParserResult.length < 2) return;
          let tokens = 0;
          let aliases = 0;
          let cost = 0;
          for (const params of requestParserResult) {
            // Malformed members are refused one by one (src/graphql/safety/request-input.ts).
            if (params === null || typeof params !== "object") continue;
            const text = documentText(params, request);
            if (typeof text !== "string") continue;
            tokens += tokenCount(text, limits.MAX_TOKENS - tokens);
            if (tokens > limits.MAX_TOKENS) throw refusal("MAX_TOKENS_EXCEEDED", `Batch token limit of ${limits.MAX_TOKENS} exceeded.`);
            let document: DocumentNode | undefined;
            try {
              document = selectedOperation(parse(text, { maxTokens: limits.MAX_TOKENS }), params.operationName);
            } catch {
              continue;
            }
            if (!document) continue;
            const variables = params.variables && typeof params.variables === "object" ? (params.variables as Record<string, unknown>) : {};
            aliases += measured(schema, document, maxAliasesRule);
            cost += measured(schema, withPageSizes(document, schema, sizes, variables), costLimitRule);
          }
          if (aliases > limits.MAX_ALIASES) throw refusal("MAX_ALIASES_EXCEEDED", `Batch aliases limit of ${limits.MAX_ALIASES} exceeded, found ${aliases}.`);
          if (cost > limits.MAX_COST) throw refusal("MAX_COST_EXCEEDED", `Batch cost limit of ${limits.MAX_COST} exceeded, found ${cost}.`);
        },
      };
    },
  };
}
