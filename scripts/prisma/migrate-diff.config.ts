/**
 * The configuration Prisma 6.19's CLI (the development-only `prisma6` alias) reads for
 * `migrate diff` alone: its Wasm schema engine, through a driver adapter, needs no native engine
 * and no download. SQLite diffs use an in-memory database; PostgreSQL's connect to POSTGRES_URL.
 * Only scripts/prisma/migrate-diff.ts uses it (docs/migrations.md).
 */
import { defineConfig } from "prisma6/config";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const postgresql = process.env.LANTERN_DIFF_PROVIDER === "postgresql";
const postgresUrl = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (postgresql ? new PrismaPg({ connectionString: postgresUrl }) : new PrismaBetterSqlite3({ url: ":memory:" })),
});
