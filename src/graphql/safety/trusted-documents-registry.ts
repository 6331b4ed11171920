import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, print, validate, type GraphQLSchema } from "graphql";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Builds the trusted-documents registry from the `.graphql` files in a folder: each document,
 * printed without comments or extra spaces, under the sha256 hash of that text. A document
 * that does not validate against the schema is refused.
 */
export function buildTrustedDocuments(folder: string, schema: GraphQLSchema): Record<string, string> {
  const entries = readdirSync(folder)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => {
      const document = parse(readFileSync(join(folder, name), "utf8"));
      const errors = validate(schema, document);
      if (errors.length > 0) throw new Error(`${name}: ${errors.map((error) => error.message).join("; ")}`);
      const text = print(document);
      return [sha256(text), text] as const;
    });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
