import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { expandHomeFolder } from "./src/platform/database-url.ts";
import { loadDotEnv } from "./src/platform/load-env.ts";

const DEFAULT_DATABASE_URL = "file:./data/lantern.db";

// Prisma's own commands (`npx prisma ...`) read .env and DATABASE_URL as Lantern does.
loadDotEnv();
const url = expandHomeFolder(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
process.env.DATABASE_URL = url;

// DATABASE_URL picks the database: PostgreSQL for postgres(ql): URLs, embedded SQLite otherwise.
// PostgreSQL's schema and migrations are generated from SQLite's (scripts/postgresql-schema.ts).
const postgresql = /^postgres(ql)?:/.test(url);

export default defineConfig({
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgresql ? "prisma/postgresql/migrations" : "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (postgresql) return new PrismaPg({ connectionString: url });
    const file = url.slice("file:".length);
    mkdirSync(dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
