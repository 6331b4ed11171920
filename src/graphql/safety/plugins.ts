import type { GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../../platform/settings.ts";
import { documentLimitPlugins } from "./limits.ts";
import { disableIntrospection } from "./introspection.ts";
import { hideSuggestions } from "./suggestions.ts";
import { documentTextIn, loadTrustedDocuments, trustedDocuments } from "./trusted-documents.ts";
import { batchLimits } from "./batch-limits.ts";
import { csrfPrevention } from "./web.ts";
import { checkRequestInput } from "./request-input.ts";

export interface SafetyOptions {
  settings: Config;
  /** The schema served, which costs are weighed against. */
  schema: GraphQLSchema;
  /** Editors may send documents outside the trusted-documents registry. */
  isEditorRequest: (request: Request) => Promise<boolean>;
}

/** The envelop/Yoga plugins that keep a public endpoint safe, in the order they must run. */
export function safetyPlugins({ settings, schema, isEditorRequest }: SafetyOptions): Plugin[] {
  const registry = loadTrustedDocuments();
  return [
    checkRequestInput(),
    csrfPrevention(),
    batchLimits(settings, schema, documentTextIn(registry)),
    trustedDocuments(settings.TRUSTED_DOCUMENTS, isEditorRequest, registry),
    ...documentLimitPlugins(settings),
    ...(settings.INTROSPECTION ? [] : [disableIntrospection()]),
    ...(settings.NODE_ENV === "production" ? [hideSuggestions()] : []),
  ];
}
