import { readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Config } from "../../platform/settings.ts";
import { projectFile } from "../../platform/project-files.ts";

export const REGISTRY_FILE = projectFile("persisted-operations.json");

/** The registered operations: sha256 of the document text → the document. */
export function loadTrustedDocuments(file: string = REGISTRY_FILE): Map<string, string> {
  return new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
}

/** The names of the registered operations. */
export function registeredOperationNames(documents: Map<string, string> = loadTrustedDocuments()): Set<string> {
  const names = new Set<string>();
  for (const text of documents.values()) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * The operation's hash from `documentId` (GraphQL over HTTP, body or query string; an optional
 * "sha256:" prefix) or from Apollo's `extensions.persistedQuery.sha256Hash`.
 */
function requestedHash(params: GraphQLParams & { documentId?: unknown }, request: Request): string | null {
  const persistedQuery = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const candidate =
    params.documentId ?? new URL(request.url).searchParams.get("documentId") ?? persistedQuery?.sha256Hash;
  if (typeof candidate !== "string") return null;
  return HASH.exec(candidate.toLowerCase())?.[1] ?? candidate;
}

/** What an operation runs: the document it sends, or the registered one its hash names. */
export function documentTextIn(registry: Map<string, string>) {
  return (params: GraphQLParams, request: Request): string | undefined => {
    if (typeof params.query === "string") return params.query;
    const hash = requestedHash(params, request);
    return hash === null ? undefined : registry.get(hash);
  };
}

/**
 * Registered operations can always be called by hash. With TRUSTED_DOCUMENTS=anonymous only
 * they are accepted, except from editors, who may send any document.
 */
export function trustedDocuments(
  mode: Config["TRUSTED_DOCUMENTS"],
  isEditorRequest: (request: Request) => Promise<boolean>,
  registry: Map<string, string> = loadTrustedDocuments(),
): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => registry.get(hash) ?? null,
    extractPersistedOperationId: requestedHash,
    allowArbitraryOperations: mode === "off" ? true : isEditorRequest,
    customErrors: {
      notFound: {
        message: "No registered operation has this hash",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
      },
      keyNotFound: {
        message: "Send a query, or the hash of a registered operation",
        extensions: { code: "PERSISTED_QUERY_ID_REQUIRED", http: { status: 400 } },
      },
      persistedQueryOnly: {
        message: "Only registered operations are accepted: send the operation's hash instead of its text",
        extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 403 } },
      },
    },
  });
}
