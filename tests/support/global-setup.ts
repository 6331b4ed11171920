import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export const TEMPLATE_DIR = join(process.cwd(), ".tmp", "test-db");

/**
 * Builds one migrated, seeded SQLite file; every test file then works on its own copy,
 * so tests run against a real database without paying for migrations each time.
 */
export default async function setup(project: TestProject) {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const templateUrl = `file:${join(TEMPLATE_DIR, "template.db")}`;
  process.env.DATABASE_URL = templateUrl;

  // The server's own start-up path: migrations, WAL journal mode, the demo content.
  const { prepareDatabase } = await import("../../src/prepare-database.ts");
  const { parseConfig } = await import("../../src/config.ts");
  const { disconnectDb } = await import("../../src/db.ts");
  await prepareDatabase(parseConfig({ DATABASE_URL: templateUrl, SEED_DEMO_CONTENT: "auto" }), () => {});
  await disconnectDb();

  project.provide("templateDatabase", join(TEMPLATE_DIR, "template.db"));
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
