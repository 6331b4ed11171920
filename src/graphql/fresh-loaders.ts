import type { GraphQLSchema } from "graphql";
import { refreshLoaders, type Context } from "./context.ts";

/**
 * Per-request loaders cache what they read. Mutations run one after another, so once each
 * mutation's root field has resolved, the request gets new loaders: its payload, and the
 * mutations after it in the same document, read what was just committed. A step of the
 * server's schema (src/app/schema-steps.ts).
 */
export function freshLoadersAfterMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = async (root, args, ctx: Context, info) => {
      const result = await resolve(root, args, ctx, info);
      refreshLoaders(ctx);
      return result;
    };
  }
  return schema;
}
