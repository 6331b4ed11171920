import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { db } from "../db/client.ts";
import type { Context } from "./context.ts";
import { loadNodes } from "./node-loading.ts";
import { authScopesFor, unauthorizedError, type AuthScopes } from "./auth-scopes.ts";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connections/connection-size.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    URL: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // scope-auth first, so its checks run before any other plugin wraps a resolver.
  plugins: [ScopeAuthPlugin, RelayPlugin, PrismaPlugin],
  scopeAuth: { authScopes: authScopesFor, unauthorizedError },
  defaultFieldNullability: false,
  relay: {
    cursorType: "String",
    clientMutationId: "omit",
    nodeTypeOptions: { description: "An object with a global id, fetched with node(id:) or nodes(ids:)" },
    idFieldOptions: { description: "A global id, unique across all types" },
    pageInfoTypeOptions: { description: "Where a page of a connection lies in the whole list" },
    hasNextPageFieldOptions: { description: "Whether items follow this page" },
    hasPreviousPageFieldOptions: { description: "Whether items precede this page" },
    startCursorFieldOptions: { description: "The first item's cursor; null for an empty page" },
    endCursorFieldOptions: { description: "The last item's cursor; null for an empty page" },
    defaultConnectionTypeOptions: { description: "A page of a list (a Relay connection)" },
    defaultEdgeTypeOptions: { description: "An item of a page with its cursor" },
    pageInfoFieldOptions: { description: "Where this page lies in the whole list" },
    edgesFieldOptions: { nullable: false, description: "The page's items with their cursors" },
    nodesOnConnection: { description: "The page's items" },
    nodeFieldOptions: { nullable: false, description: "The item" },
    cursorFieldOptions: { description: "Pass it as after or before to page from this item" },
    firstArgOptions: { description: "Items from the start (or after the cursor `after`); at most 100" },
    afterArgOptions: { description: "A cursor: items after it" },
    lastArgOptions: { description: "Items from the end (or before the cursor `before`); at most 100" },
    beforeArgOptions: { description: "A cursor: items before it" },
    nodeQueryOptions: {
      description: "The object with this global id; null if there is none or you may not see it",
      args: { id: { description: "A global id" } },
      resolve: async (_root, { id }, ctx, info) => (await loadNodes([id], ctx, info))[0],
    },
    nodesQueryOptions: {
      description: "The objects with these global ids, in order; null for each one there is not or you may not see",
      args: { ids: { description: "Global ids" } },
      resolve: (_root, { ids }, ctx, info) => loadNodes(ids, ctx, info),
    },
  },
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

builder.queryType({ description: "Reads; anonymous callers see published content only" });
