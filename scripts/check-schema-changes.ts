import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run schema:breaking   (SCHEMA_BASE=<commit> compares with another commit than HEAD~1)

Fails on breaking changes to schema.graphql unless a commit since says they are deliberate
(a Schema-Breaking-Change: trailer line).`);

/**
 * `npm run schema:breaking`: fails when schema.graphql has breaking changes (graphql-inspector's
 * `diff`) against the committed schema.graphql of SCHEMA_BASE (default HEAD~1, the previous
 * commit; for a merge, the branch merged into) unless a commit since then says they are deliberate
 * with a trailer line of its message:
 *
 *   Schema-Breaking-Change: <what breaks, and what clients do about it>
 */
const MARKER = /^Schema-Breaking-Change:[ \t]*(\S.*)$/m;
const base = process.env.SCHEMA_BASE || "HEAD~1";
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let previous: string;
try {
  previous = git("show", `${base}:schema.graphql`);
} catch {
  console.log(`schema:breaking: no schema.graphql at ${base} to compare with; nothing to check.`);
  process.exit(0);
}
mkdirSync(".tmp", { recursive: true });
writeFileSync(".tmp/schema.base.graphql", previous);

// The package's command-line entry (its "bin"), which its "exports" do not list.
const inspector = join(dirname(createRequire(import.meta.url).resolve("@graphql-inspector/cli/package.json")), "cjs/index.js");
const diff = spawnSync(process.execPath, [inspector, "diff", ".tmp/schema.base.graphql", "schema.graphql"], { encoding: "utf8" });
process.stdout.write(diff.stdout);
if (diff.status === 0) {
  console.log(`schema:breaking: no breaking change against ${base}.`);
  process.exit(0);
}
process.stderr.write(diff.stderr);

const messages = git("log", "--format=%H%n%B%x00", `${base}..HEAD`).split("\0");
const marked = messages.map((message) => [message.trim().split("\n")[0], message.match(MARKER)?.[1]] as const).find(([, why]) => why);
if (marked) {
  console.log(`schema:breaking: the breaking changes above are marked deliberate in ${marked[0]?.slice(0, 12)}: ${marked[1]}`);
  process.exit(0);
}
console.error(
  `schema:breaking: schema.graphql breaks clients written against ${base}. Keep the old fields (deprecate them), ` +
    `or, if the break is deliberate, add a line "Schema-Breaking-Change: <what breaks and what clients do>" to the commit message.`,
);
process.exit(1);
