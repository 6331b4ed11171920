import type { GraphQLSchema } from "graphql";
import { buildSchema } from "../graphql/build-schema.ts";
import { freshLoadersAfterMutations } from "../graphql/fresh-loaders.ts";
import { evictingAfterMutations } from "../cache/plugin.ts";
import { recordingResponseKeys } from "../cache/response-keys.ts";
import { recordingChanges } from "../changes/recording.ts";

/** Rewrites resolvers of the schema object it is given, and returns it. */
type SchemaStep = (schema: GraphQLSchema) => GraphQLSchema;

/**
 * The rewrites of the served schema, in the order they apply; each wraps the resolvers the ones
 * before it left.
 * 1. Fresh loaders after each mutation: part of the mutation itself, so whatever wraps it sees
 *    a mutation after which its request reads what it committed.
 * 2. Cache evictions around each mutation, once it has succeeded, of the keys its changes
 *    recorded (and throws at start for a mutation without an entry in MUTATION_EFFECTS).
 * 3. The change log around each content mutation: its transactions append their changes, which
 *    step 2 reads once the mutation returns.
 * 4. Response-key recording on every other field: last, so it wraps each field's final resolver
 *    (it leaves Mutation and Subscription fields alone).
 */
const SCHEMA_STEPS: readonly SchemaStep[] = [freshLoadersAfterMutations, evictingAfterMutations, recordingChanges, recordingResponseKeys];

/** A schema object of this server's own, with every step applied: the imported `schema` stays as declared. */
export function serverSchema(): GraphQLSchema {
  return SCHEMA_STEPS.reduce((schema, step) => step(schema), buildSchema());
}
