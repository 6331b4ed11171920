import { validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import type { Config } from "../../platform/settings.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../connections/connection-size.ts";
import { sizeVariables, withPageSizes } from "./cost-of-connection-sizes.ts";
import { reportAs, throwAs } from "./rejection.ts";
import { inputValuesRule } from "./request-input.ts";

type Limits = Pick<Config, "MAX_DEPTH" | "MAX_ALIASES" | "MAX_DIRECTIVES" | "MAX_TOKENS" | "MAX_COST">;

/**
 * graphql-armor's cost limit multiplies by `first`/`last` only when they are literals; this
 * checks its cost on a copy of the document in which every list states its page size, with the
 * values the request's variables hold (so a client's `first: $count` costs what it asks for).
 * It runs as execution starts, before any resolver or SQL; the answer for a document and the
 * size variables' values is kept, since most clients repeat both.
 */
function pageWeightedCost(maxCost: number): Plugin {
  const rule = costLimitRule({ maxCost, ...reportAs("MAX_COST_EXCEEDED") });
  const sizes = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE };
  const verdicts = new WeakMap<DocumentNode, { variables: string[]; errors: Map<string, readonly GraphQLError[]> }>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { document, schema } = args as { document: DocumentNode; schema: GraphQLSchema };
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      let verdict = verdicts.get(document);
      if (!verdict) verdicts.set(document, (verdict = { variables: sizeVariables(document), errors: new Map() }));
      const key = JSON.stringify(verdict.variables.map((name) => variables[name] ?? null));
      let errors = verdict.errors.get(key);
      if (!errors) {
        errors = validate(schema, withPageSizes(document, schema, sizes, variables), [rule]);
        if (verdict.errors.size >= MAX_VERDICTS_PER_DOCUMENT) verdict.errors.clear();
        verdict.errors.set(key, errors);
      }
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

const MAX_VERDICTS_PER_DOCUMENT = 64;

/** Rejects abusive documents while parsing and validating, before any resolver or SQL runs. */
export function documentLimitPlugins(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({ n: limits.MAX_TOKENS, ...throwAs("MAX_TOKENS_EXCEEDED") }),
    maxDepthPlugin({ n: limits.MAX_DEPTH, ...reportAs("MAX_DEPTH_EXCEEDED") }),
    maxAliasesPlugin({ n: limits.MAX_ALIASES, ...reportAs("MAX_ALIASES_EXCEEDED") }),
    maxDirectivesPlugin({ n: limits.MAX_DIRECTIVES, ...reportAs("MAX_DIRECTIVES_EXCEEDED") }),
    { onValidate: ({ addValidationRule }) => addValidationRule(inputValuesRule) },
    pageWeightedCost(limits.MAX_COST),
  ];
}
