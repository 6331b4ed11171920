import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";

const schema = (name: string) => ({ fileName: name, contents: readFileSync(new URL(`../schemas/${name}`, import.meta.url), "utf8") });

/** Validates with libxml2's xmllint (compiled to WebAssembly) against a schema in tests/schemas; returns the errors. */
export async function xmlSchemaErrors(xml: string, schemaFile: "sitemap.xsd" | "siteindex.xsd" | "atom.rng"): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: "document.xml", contents: xml },
    schema: schema(schemaFile),
    extension: schemaFile.endsWith(".rng") ? "relaxng" : "schema",
    maxMemoryPages: 16 * 1024, // 1 GiB: a sitemap of 50,000 URLs is several megabytes
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
