import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { schema } from "../src/graphql/schema.ts";
import { buildTrustedDocuments } from "../src/graphql/safety/trusted-documents-registry.ts";
import { REGISTRY_FILE } from "../src/graphql/safety/trusted-documents.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run operations:build | npm run operations:check

Writes persisted-operations.json from operations/*.graphql; --check fails when it is stale.`);

// Writes persisted-operations.json from operations/*.graphql; --check fails when it is stale.
const registry = `${JSON.stringify(buildTrustedDocuments(fileURLToPath(new URL("../operations", import.meta.url)), schema), null, 2)}\n`;

if (process.argv.includes("--check")) {
  if (readFileSync(REGISTRY_FILE, "utf8") !== registry) {
    console.error("persisted-operations.json is stale: run npm run operations:build");
    process.exit(1);
  }
} else {
  writeFileSync(REGISTRY_FILE, registry);
  for (const [hash, document] of Object.entries(JSON.parse(registry) as Record<string, string>)) {
    console.log(`${hash}  ${/^(?:query|mutation|subscription) (\w+)/.exec(document)?.[1] ?? "(anonymous)"}`);
  }
}
