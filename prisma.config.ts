import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { expandHomeFolder } from "./src/database-url.ts";
import { loadDotEnv } from "./src/load-env.ts";

const DEFAULT_DATABASE_URL = "file:./data/lantern.db";

// Prisma's own commands (`npx prisma ...`) read .env and DATABASE_URL as Lantern does.
loadDotEnv();
const url = expandHomeFolder(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
process.env.DATABASE_URL = url;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const file = url.slice("file:".length);
    mkdirSync(dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
