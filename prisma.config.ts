import { defineConfig } from "prisma/config";
import { expandHomeFolder } from "./src/platform/database-url.ts";
import { loadDotEnv } from "./src/platform/load-env.ts";

const DEFAULT_DATABASE_URL = "file:./data/lantern.db";

// Prisma's own commands (`npx prisma ...`) read .env and DATABASE_URL as Lantern does.
loadDotEnv();
const url = expandHomeFolder(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);

// DATABASE_URL picks the database: PostgreSQL for postgres(ql): URLs, embedded SQLite otherwise.
// PostgreSQL's schema and migrations are generated from SQLite's (scripts/postgresql-schema.ts).
// Lantern applies the migrations itself (src/db/migrations.ts, docs/migrations.md); the URL is here for
// Prisma's own commands where the native schema engine is installed (`prisma studio`, `db pull`).
const postgresql = /^postgres(ql)?:/.test(url);

export default defineConfig({
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgresql ? "prisma/postgresql/migrations" : "prisma/migrations" },
  datasource: { url },
});
