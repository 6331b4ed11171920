import { validate, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import type { Config } from "../config.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../schema/page-size.ts";
import { withWorstCasePageSizes } from "./page-sizes.ts";
import { reportAs, throwAs } from "./rejection.ts";

type Limits = Pick<Config, "MAX_DEPTH" | "MAX_ALIASES" | "MAX_DIRECTIVES" | "MAX_TOKENS" | "MAX_COST">;

/**
 * graphql-armor's cost limit multiplies by `first`/`last` only when they are literals; this rule
 * runs it on a copy of the document in which every list states its worst-case page size.
 */
function pageWeightedCostRule(maxCost: number): ValidationRule {
  const rule = costLimitRule({ maxCost, ...reportAs("MAX_COST_EXCEEDED") });
  return (context) => ({
    Document: {
      enter(document) {
        const weighted = withWorstCasePageSizes(document, context.getSchema(), {
          defaultSize: DEFAULT_PAGE_SIZE,
          maxSize: MAX_PAGE_SIZE,
        });
        for (const error of validate(context.getSchema(), weighted, [rule])) context.reportError(error);
        return false;
      },
    },
  });
}

/** Rejects abusive documents while parsing and validating, before any resolver or SQL runs. */
export function documentLimitPlugins(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({ n: limits.MAX_TOKENS, ...throwAs("MAX_TOKENS_EXCEEDED") }),
    maxDepthPlugin({ n: limits.MAX_DEPTH, ...reportAs("MAX_DEPTH_EXCEEDED") }),
    maxAliasesPlugin({ n: limits.MAX_ALIASES, ...reportAs("MAX_ALIASES_EXCEEDED") }),
    maxDirectivesPlugin({ n: limits.MAX_DIRECTIVES, ...reportAs("MAX_DIRECTIVES_EXCEEDED") }),
    { onValidate: ({ addValidationRule }) => addValidationRule(pageWeightedCostRule(limits.MAX_COST)) },
  ];
}
