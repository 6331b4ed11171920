import { readFileSync, writeFileSync } from "node:fs";
import { environmentTable, withEnvironmentTable } from "../src/platform/settings-table.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run docs:env [-- --write | -- --check]

Prints the environment-variable table from src/platform/settings.ts; --write puts it into
docs/configuration.md, --check fails when the page's table differs.`);

/**
 * `npm run docs:env`: prints the environment-variable table from the configuration schema
 * (src/platform/settings.ts, each variable's `.describe()`). `-- --write` puts it into
 * docs/configuration.md; `-- --check` fails when the page's table differs.
 */
const PAGE = "docs/configuration.md";
const table = environmentTable();
if (process.argv.includes("--write") || process.argv.includes("--check")) {
  const current = readFileSync(PAGE, "utf8");
  const updated = withEnvironmentTable(current, table);
  if (process.argv.includes("--check")) {
    if (updated !== current) {
      console.error(`${PAGE}: its environment table differs from src/platform/settings.ts; run npm run docs:env -- --write`);
      process.exit(1);
    }
    console.log(`${PAGE}: its environment table is current`);
  } else {
    writeFileSync(PAGE, updated);
    console.log(`Wrote the environment table into ${PAGE}`);
  }
} else {
  process.stdout.write(table);
}
