import type { Plugin } from "graphql-yoga";
import type { Config } from "../config.ts";
import { documentLimitPlugins } from "./limits.ts";
import { disableIntrospection } from "./introspection.ts";
import { hideSuggestions } from "./suggestions.ts";
import { trustedDocuments } from "./trusted-documents.ts";
import { csrfPrevention } from "./web.ts";
import { checkRequestInput } from "./request-input.ts";

export interface SafetyOptions {
  settings: Config;
  /** Editors may send documents outside the trusted-documents registry. */
  isEditorRequest: (request: Request) => Promise<boolean>;
}

/** The envelop/Yoga plugins that keep a public endpoint safe, in the order they must run. */
export function safetyPlugins({ settings, isEditorRequest }: SafetyOptions): Plugin[] {
  return [
    checkRequestInput(),
    csrfPrevention(),
    trustedDocuments(settings.TRUSTED_DOCUMENTS, isEditorRequest),
    ...documentLimitPlugins(settings),
    ...(settings.INTROSPECTION ? [] : [disableIntrospection()]),
    ...(settings.NODE_ENV === "production" ? [hideSuggestions()] : []),
  ];
}
