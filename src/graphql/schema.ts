import { buildSchema } from "./build-schema.ts";

/**
 * The schema as declared, unrewritten: what schema.graphql prints and the checks read. A server
 * builds its own from build-schema.ts and never imports this module, so it builds one, not two.
 */
export const schema = buildSchema();
