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

  const { migrateDatabase } = await import("../../src/migrate.ts");
  const { createPrismaClient } = await import("../../src/db.ts");
  const { seedDemoContent } = await import("../../src/seed/demo-content.ts");
  await migrateDatabase(templateUrl);
  const prisma = createPrismaClient(templateUrl);
  await seedDemoContent(prisma);
  await prisma.$queryRawUnsafe("PRAGMA optimize=0x10002"); // as src/prepare-database.ts does on start
  await prisma.$disconnect();

  project.provide("templateDatabase", join(TEMPLATE_DIR, "template.db"));
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
