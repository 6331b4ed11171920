import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createTemplateDatabase, dropRunDatabases } from "./test-databases.ts";

export const TEMPLATE_DIR = join(process.cwd(), ".tmp", "test-db");

/**
 * Builds one migrated, seeded database (a SQLite file, or a database on the PostgreSQL server
 * DATABASE_URL names); every test file then works on its own copy, so tests run against a
 * real database without paying for migrations each time.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "file:";
  const runId = randomBytes(4).toString("hex");
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const templateUrl = await createTemplateDatabase(serverUrl, runId, TEMPLATE_DIR);
  process.env.DATABASE_URL = templateUrl;

  // The server's own start-up path: migrations, WAL journal mode (SQLite), the demo content.
  const { prepareDatabase } = await import("../../src/app/prepare-database.ts");
  const { parseConfig } = await import("../../src/platform/settings.ts");
  const { disconnectDb } = await import("../../src/db/client.ts");
  await prepareDatabase(parseConfig({ DATABASE_URL: templateUrl, SEED_DEMO_CONTENT: "auto" }), () => {});
  await disconnectDb();

  project.provide("templateDatabaseUrl", templateUrl);
  project.provide("testRunId", runId);
  return () => dropRunDatabases(serverUrl, runId);
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    testRunId: string;
  }
}
