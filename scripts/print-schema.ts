import { readFileSync, writeFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../src/graphql/schema.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run schema:print | npm run schema:check

schema:print writes schema.graphql from the code; schema:check (--check) fails when the committed one differs.`);

const target = new URL("../schema.graphql", import.meta.url);
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // a missing file is stale too
  }
  if (committed !== printed) {
    console.error("schema.graphql is stale: run `npm run schema:print` and commit the result.");
    process.exit(1);
  }
  console.log("schema.graphql is up to date.");
} else {
  writeFileSync(target, printed);
  console.log("Wrote schema.graphql");
}
