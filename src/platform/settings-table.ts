import { z } from "zod";
import { environmentVariables } from "./settings.ts";

export interface EnvironmentVariable {
  name: string;
  /** The default as the environment would spell it; undefined when the variable has none. */
  default: string | undefined;
  /** The values an enumerated variable takes. */
  values: string[] | undefined;
  description: string | undefined;
}

interface JsonSchemaProperty {
  default?: unknown;
  enum?: unknown[];
  description?: string;
}

/** A default as the environment spells it: a string, number or boolean (no variable defaults to an object). */
const spelled = (value: unknown) => (["string", "number", "boolean"].includes(typeof value) ? String(value) : undefined);

/** Every variable of the configuration schema, in its order, with its default and its `.describe()` text. */
export function environmentVariableList(): EnvironmentVariable[] {
  // The input side: defaults as written before the schema's transforms, descriptions as given.
  const json = z.toJSONSchema(environmentVariables, { io: "input", unrepresentable: "any" }) as { properties: Record<string, JsonSchemaProperty> };
  return Object.keys(environmentVariables.shape).map((name) => {
    const property = json.properties[name] ?? {};
    // A default JSON Schema cannot show (stringbool's) is the value the variable parses to when unset.
    const parsed = environmentVariables.shape[name as keyof typeof environmentVariables.shape].safeParse(undefined);
    const fallback = property.default ?? (parsed.success ? parsed.data : undefined);
    return {
      name,
      default: spelled(fallback),
      values: property.enum?.map(String),
      description: property.description,
    };
  });
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The Markdown table of docs/configuration.md, as `npm run docs:env` prints it. */
export function environmentTable(): string {
  const rows = environmentVariableList().map((variable) => {
    const values = variable.values ? ` One of ${variable.values.map((value) => `\`${value}\``).join(", ")}.` : "";
    const fallback = variable.default === undefined ? "unset" : `\`${variable.default}\``;
    return `| \`${variable.name}\` | ${cell(fallback)} | ${cell((variable.description ?? "").trim() + values)} |`;
  });
  return ["| variable | default | meaning |", "| --- | --- | --- |", ...rows].join("\n") + "\n";
}

export const TABLE_START = "<!-- environment table: npm run docs:env -- --write -->";
export const TABLE_END = "<!-- end of the environment table -->";

/** `document` with the text between the table's markers replaced by `table`. */
export function withEnvironmentTable(document: string, table: string = environmentTable()): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`The document lacks the markers ${TABLE_START} … ${TABLE_END}`);
  return `${document.slice(0, start + TABLE_START.length)}\n${table}${document.slice(end)}`;
}
