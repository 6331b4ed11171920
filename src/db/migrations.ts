import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { createPrismaClient, databaseProvider } from "./client.ts";
import { PROJECT_ROOT, projectFile } from "../platform/project-files.ts";
import { connectionFailure } from "./postgresql-connection.ts";

const run = promisify(execFile);
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const MIGRATIONS = projectFile("prisma/migrations");
const POSTGRESQL_MIGRATIONS = projectFile("prisma/postgresql/migrations");
/** Any constant: instances starting together on one database take turns migrating it. */
const MIGRATION_LOCK = 7_302_661;

/** A migration could not be applied; the message says why in a line or two, without a stack trace. */
export class MigrationError extends Error {}

/** The migrations in prisma/migrations, oldest first. */
export function knownMigrations(folder = MIGRATIONS): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The migrations that `prisma migrate deploy` would apply: those not recorded as finished in
 * the database's _prisma_migrations table (all of them for a new file). Read with a plain
 * read-only connection, so it works next to a running server and costs a few milliseconds.
 */
export function pendingMigrations(file: string, folder = MIGRATIONS): string[] {
  const known = knownMigrations(folder);
  if (!existsSync(file)) return known;
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return unapplied(connection, known);
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") throw lockedError(file);
    throw error;
  } finally {
    connection.close();
  }
}

function unapplied(connection: Database.Database, known: string[]): string[] {
  const table = connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!table) return known;
  const applied = new Set(
    connection
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all()
      .map((row) => (row as { migration_name: string }).migration_name),
  );
  return known.filter((name) => !applied.has(name));
}

function lockedError(file: string): MigrationError {
  return new MigrationError(`Cannot migrate ${file}: another process is using it (a running Lantern server?). Stop it, then run this again.`);
}

/** Prisma's schema engine takes the database for itself; with another process in it, it fails like this. */
const LOCKED = /SocketTimeout|database is locked|SQLITE_BUSY/i;

/**
 * Applies pending migrations and returns their names. SQLite: `prisma migrate deploy` (creating
 * the file if needed), started only when a migration is pending. PostgreSQL: the same migrations
 * table and checksums, applied here because Prisma 6.19's migrate commands cannot read
 * PostgreSQL's catalogs through @prisma/adapter-pg (prisma/orm#27403).
 */
export async function migrateDatabase(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  if (databaseProvider(databaseUrl) === "postgresql") return migratePostgresql(databaseUrl, log);
  const file = databaseUrl.slice("file:".length);
  const pending = pendingMigrations(file);
  if (pending.length === 0) return [];
  log(`Applying ${pending.length} migration${pending.length === 1 ? "" : "s"} to ${file}: ${pending.join(", ")}`);
  try {
    // Prisma finds prisma.config.ts and the migrations in the project folder; the file is named
    // by its absolute path, so a relative one still means the folder the command was run from.
    await run(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: `file:${resolve(file)}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    const output = `${stdout}${stderr}`;
    if (LOCKED.test(output)) throw lockedError(file);
    throw new MigrationError(`Database migration failed on ${file}: ${lastErrorLine(output)}`);
  }
  return pending;
}

/** The line of Prisma's output that says what went wrong (its output is a screenful). */
function lastErrorLine(output: string): string {
  const lines = output.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.findLast((line) => /^Error\b/.test(line)) ?? lines.at(-1) ?? "prisma migrate deploy failed";
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

async function migratePostgresql(databaseUrl: string, log: (line: string) => void): Promise<string[]> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    return await prisma.$transaction(
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
        if (pending.length > 0) log(`Applying ${pending.length} migration${pending.length === 1 ? "" : "s"}: ${pending.join(", ")}`);
        for (const name of pending) {
          const sql = readFileSync(join(POSTGRESQL_MIGRATIONS, name, "migration.sql"), "utf8");
          const statements = statementsOf(sql);
          for (const statement of statements) await tx.$executeRawUnsafe(statement);
          await tx.$executeRaw`
            INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
            VALUES (${randomUUID()}, ${createHash("sha256").update(sql).digest("hex")}, now(), ${name}, ${statements.length})`;
        }
        return pending;
      },
      { timeout: 120_000, maxWait: 120_000 },
    );
  } catch (error) {
    throw connectionFailure(error, databaseUrl) ?? new MigrationError(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await prisma.$disconnect();
  }
}
