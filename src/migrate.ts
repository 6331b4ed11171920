import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { createPrismaClient, databaseProvider } from "./db.ts";

const run = promisify(execFile);
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

const POSTGRESQL_MIGRATIONS = "prisma/postgresql/migrations";
/** Any constant: instances starting together on one database take turns migrating it. */
const MIGRATION_LOCK = 7_302_661;

/**
 * Applies pending migrations: `prisma migrate deploy` on SQLite (creating the file and its
 * folder if needed), and on PostgreSQL the same migrations table and checksums, applied here
 * because Prisma 6.19's migrate commands cannot read PostgreSQL's catalogs through
 * @prisma/adapter-pg (prisma/orm#27403).
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  if (databaseProvider(databaseUrl) === "postgresql") return migratePostgresql(databaseUrl);
  try {
    await run(process.execPath, [prismaCli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Database migration failed:\n${stdout}${stderr}`.trim());
  }
}

/** Prisma's own bookkeeping table, so `prisma migrate status` reads what was applied. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Statements of a migration: split at `;` line ends outside dollar-quoted function bodies. */
function statementsOf(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let inBody = false;
  for (const line of sql.split("\n")) {
    if (!inBody && /^\s*--/.test(line)) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ""));
      current = "";
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

async function migratePostgresql(databaseUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        await tx.$executeRawUnsafe(MIGRATIONS_TABLE);
        const applied = await tx.$queryRawUnsafe<{ migration_name: string }[]>(
          `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
        );
        const done = new Set(applied.map((row) => row.migration_name));
        const pending = readdirSync(POSTGRESQL_MIGRATIONS)
          .filter((name) => /^\d/.test(name) && !done.has(name))
          .sort();
        for (const name of pending) {
          const sql = readFileSync(join(POSTGRESQL_MIGRATIONS, name, "migration.sql"), "utf8");
          const statements = statementsOf(sql);
          for (const statement of statements) await tx.$executeRawUnsafe(statement);
          await tx.$executeRaw`
            INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
            VALUES (${randomUUID()}, ${createHash("sha256").update(sql).digest("hex")}, now(), ${name}, ${statements.length})`;
        }
      },
      { timeout: 120_000, maxWait: 120_000 },
    );
  } catch (error) {
    throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await prisma.$disconnect();
  }
}
