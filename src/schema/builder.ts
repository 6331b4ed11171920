import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { db } from "../db.ts";
import type { Context } from "../context.ts";
import { loadNodes } from "./node-loading.ts";
import { authScopesFor, unauthorizedError, type AuthScopes } from "../auth/scopes.ts";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.ts";

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
  };
}>({
  // scope-auth first, so its checks run before any other plugin wraps a resolver.
  plugins: [ScopeAuthPlugin, RelayPlugin, PrismaPlugin],
  scopeAuth: { authScopes: authScopesFor, unauthorizedError },
  defaultFieldNullability: false,
  relay: {
    cursorType: "String",
    clientMutationId: "omit",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: true,
    nodeQueryOptions: {
      resolve: async (_root, { id }, ctx, info) => (await loadNodes([id], ctx, info))[0],
    },
    nodesQueryOptions: {
      resolve: (_root, { ids }, ctx, info) => loadNodes(ids, ctx, info),
    },
  },
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

builder.queryType({});
