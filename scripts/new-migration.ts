/**
 * Writes a new migration from the schema changes made since the last one:
 *   npm run db:new-migration -- add_author_twitter
 * The SQL comes from `migrate diff` (offline: scripts/prisma/migrate-diff.ts) between the schema
 * as of the last migration (kept in prisma/migrations/schema.snapshot.prisma) and
 * prisma/schema.prisma; no database and no native schema engine are needed.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { migrateDiff } from "./prisma/migrate-diff.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run db:new-migration -- <name in snake_case>

Writes a migration from the changes to prisma/schema.prisma since the last one (and PostgreSQL's form of it).`);

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(1);
}

const snapshot = "prisma/migrations/schema.snapshot.prisma";
const sql = migrateDiff("sqlite", snapshot, "prisma/schema.prisma");
if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
  console.log("No schema changes since the last migration.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `prisma/migrations/${stamp}_${name}`;
mkdirSync(folder, { recursive: true });
writeFileSync(`${folder}/migration.sql`, sql);
copyFileSync("prisma/schema.prisma", snapshot);
console.log(`Wrote ${folder}/migration.sql; review it, then run npm run db:migrate`);
if (/CREATE TABLE "new_(Article|Page|FeaturedItem)"/.test(sql)) {
  console.warn(
    "It redefines a table that holds CHECK constraints Prisma does not model (see the canonical_instants_and_statuses migration): " +
      "copy them into the new table, or write the change as ALTER TABLE (tests/visibility-matrix.test.ts fails without them).",
  );
}
execFileSync(process.execPath, ["--import", "tsx", "scripts/postgresql-schema.ts", name], { stdio: "inherit" });
