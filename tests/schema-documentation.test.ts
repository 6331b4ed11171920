import { describe, expect, it } from "vitest";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isIntrospectionType } from "graphql";
import { schema } from "../src/graphql/schema.ts";
import { graphql } from "./support/graphql.ts";

/** Every type, field, argument, input field and enum value of the schema without a description. */
function undocumented(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe("the schema documents itself", () => {
  it("describes every type, field, argument, input field and enum value", () => {
    expect(undocumented()).toEqual([]);
  });

  it("names the specifications of DateTime and URL", async () => {
    const response = await graphql(`{ dateTime: __type(name: "DateTime") { specifiedByURL } url: __type(name: "URL") { specifiedByURL } }`);
    expect(response.body.data).toEqual({
      dateTime: { specifiedByURL: "https://scalars.graphql.org/andimarek/date-time" },
      url: { specifiedByURL: "https://url.spec.whatwg.org/" },
    });
  });
});
