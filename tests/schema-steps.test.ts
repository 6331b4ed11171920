import { describe, expect, it } from "vitest";
import { isObjectType, type GraphQLSchema } from "graphql";
import { schema } from "../src/graphql/schema.ts";
import { serverSchema } from "../src/app/schema-steps.ts";

/** Every field's resolver, by "Type.field". */
function resolversOf(from: GraphQLSchema) {
  const resolvers = new Map<string, unknown>();
  for (const type of Object.values(from.getTypeMap())) {
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) resolvers.set(`${type.name}.${field.name}`, field.resolve);
  }
  return resolvers;
}

describe("the served schema's steps", () => {
  it("rewrite a schema object of each server's own; the imported schema keeps its resolvers", () => {
    const declared = resolversOf(schema);
    const first = serverSchema();
    const second = serverSchema();
    expect(first).not.toBe(schema);
    expect(second).not.toBe(first);
    expect(resolversOf(schema)).toEqual(declared);
    const served = resolversOf(first);
    expect([...served.keys()]).toEqual([...declared.keys()]);
    // Every mutation is wrapped (fresh loaders, evictions), and so are the fields that record cache keys.
    for (const name of Object.keys(schema.getMutationType()!.getFields())) expect(served.get(`Mutation.${name}`)).not.toBe(declared.get(`Mutation.${name}`));
    expect(served.get("Query.articles")).not.toBe(declared.get("Query.articles"));
  });
});
