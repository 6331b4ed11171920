/**
 * `migrate diff` between two Prisma schemas, offline: the SQL that turns the database `from`
 * describes (null: an empty one) into the one `to` describes. Prisma 7's CLI runs it only in the
 * native schema engine, which it downloads; Prisma 6.19's CLI (the development-only `prisma6`
 * alias) runs it in its bundled Wasm engine. 6.19 wants the `url` 7.x removed from schemas, so it
 * reads copies that have it. Why and how: docs/migrations.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const prisma6 = createRequire(import.meta.url).resolve("prisma6/build/index.js");
const CONFIG = "scripts/prisma/migrate-diff.config.ts";
const WORK = ".tmp/migrate-diff";
const NO_ENGINE = "scripts/prisma/no-schema-engine.sh";

/** A copy of a schema file that 6.19 accepts: its datasource names a URL from the environment. */
function for6(file: string, name: string): string {
  const copy = join(WORK, name);
  writeFileSync(copy, readFileSync(file, "utf8").replace(/(datasource \w+ \{[^}]*provider\s*=\s*"\w+")/, '$1\n  url = env("DATABASE_URL")'));
  return copy;
}

export function migrateDiff(provider: "sqlite" | "postgresql", from: string | null, to: string): string {
  mkdirSync(WORK, { recursive: true });
  const fromArgs = from ? ["--from-schema-datamodel", for6(from, `${provider}-from.prisma`)] : ["--from-empty"];
  const toArgs = ["--to-schema-datamodel", for6(to, `${provider}-to.prisma`)];
  return execFileSync(process.execPath, [prisma6, "migrate", "diff", "--config", CONFIG, ...fromArgs, ...toArgs, "--script"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      LANTERN_DIFF_PROVIDER: provider,
      DATABASE_URL: provider === "postgresql" ? "postgresql://localhost/diff" : "file:diff.db",
      // 6.19 checks for a query engine library it never loads here (the adapter replaces it).
      PRISMA_QUERY_ENGINE_LIBRARY: join(process.cwd(), NO_ENGINE),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}
