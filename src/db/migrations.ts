import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { databaseProvider, sqliteFilePath } from "./client.ts";
import { openPostgresqlHistory, openSqliteHistory, type AppliedRow, type MigrationHistory } from "./migration-history.ts";
import { projectFile } from "../platform/project-files.ts";
import { connectionFailure } from "./postgresql-connection.ts";

const MIGRATIONS = projectFile("prisma/migrations");
const POSTGRESQL_MIGRATIONS = projectFile("prisma/postgresql/migrations");

type MigrationErrorCode = "MIGRATION_EDITED" | "MIGRATION_UNFINISHED" | "MIGRATION_FAILED" | "MIGRATION_LOCKED" | "MIGRATION_UNAVAILABLE";

/** A migration could not be applied; the message says why in one line, without a stack trace. */
export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Migration = { name: string; sql: string; checksum: string };

/** The migrations in a folder (prisma/migrations by default), oldest first. */
export function knownMigrations(folder = MIGRATIONS): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Prisma's checksum of a migration: the SHA-256 of its migration.sql, as hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

function readMigrations(folder: string): Migration[] {
  return knownMigrations(folder).map((name) => {
    const sql = readFileSync(join(folder, name, "migration.sql"), "utf8");
    return { name, sql, checksum: migrationChecksum(sql) };
  });
}

/**
 * The migrations still to apply, after checking the history against the files: a migration
 * edited after it was applied, or one that failed part-way under `prisma migrate deploy`, stops
 * everything with a one-line MigrationError. Rolled-back rows count as not applied, as for Prisma.
 */
function pendingOf(migrations: Migration[], history: AppliedRow[], database: string): Migration[] {
  const finished = new Map<string, string>();
  for (const row of history) if (row.finishedAt !== null && row.rolledBackAt === null) finished.set(row.name, row.checksum);
  const failed = history.find((row) => row.finishedAt === null && row.rolledBackAt === null && !finished.has(row.name));
  if (failed) {
    throw new MigrationError(
      "MIGRATION_UNFINISHED",
      `Cannot migrate ${database}: migration ${failed.name} failed part-way earlier (_prisma_migrations records it unfinished); repair the database, then mark the row rolled back`,
    );
  }
  for (const migration of migrations) {
    const recorded = finished.get(migration.name);
    if (recorded !== undefined && recorded !== migration.checksum) {
      throw new MigrationError(
        "MIGRATION_EDITED",
        `Cannot migrate ${database}: migration ${migration.name} was edited after it was applied (checksum ${migration.checksum.slice(0, 12)}… differs from the recorded ${recorded.slice(0, 12)}…); restore it and put the change in a new migration`,
      );
    }
  }
  return migrations.filter((migration) => !finished.has(migration.name));
}

const plural = (count: number) => `${count} migration${count === 1 ? "" : "s"}`;
const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");

/**
 * Brings the database DATABASE_URL names to the latest migration and returns the names applied.
 * One runner for both databases: the SQL files in prisma/migrations (SQLite) or
 * prisma/postgresql/migrations, each in one transaction that holds the database's migration lock,
 * recorded in Prisma's own `_prisma_migrations` table with Prisma's checksums, so databases that
 * `prisma migrate deploy` made keep working and Prisma's tools read what was applied.
 */
export async function migrateDatabase(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const postgresql = databaseProvider(databaseUrl) === "postgresql";
  const database = postgresql ? "the PostgreSQL database" : resolve(sqliteFilePath(databaseUrl));
  const migrations = readMigrations(postgresql ? POSTGRESQL_MIGRATIONS : MIGRATIONS);
  let history: MigrationHistory;
  try {
    history = postgresql ? await openPostgresqlHistory(databaseUrl) : openSqliteHistory(sqliteFilePath(databaseUrl));
  } catch (error) {
    throw (postgresql && connectionFailure(error, databaseUrl)) || new MigrationError("MIGRATION_UNAVAILABLE", `Cannot migrate ${database}: ${oneLine(error)}`);
  }
  try {
    // A read without the lock: a database that is up to date costs no write lock at start-up.
    const pending = pendingOf(migrations, await history.read(), database);
    if (pending.length === 0) return [];
    log(`Applying ${plural(pending.length)}${postgresql ? "" : ` to ${sqliteFilePath(databaseUrl)}`}: ${pending.map((m) => m.name).join(", ")}`);
    const applied: string[] = [];
    for (;;) {
      // Under the lock the history is read again: another instance may have applied some meanwhile.
      const next = await history.locked(async (tx) => {
        const migration = pendingOf(migrations, await tx.read(), database)[0];
        if (!migration) return undefined;
        const startedAt = new Date();
        try {
          await tx.run(migration.sql);
        } catch (error) {
          throw new MigrationError("MIGRATION_FAILED", `Migration ${migration.name} failed on ${database} (nothing of it was applied): ${oneLine(error)}`);
        }
        await tx.record({ id: randomUUID(), name: migration.name, checksum: migration.checksum, startedAt });
        return migration.name;
      });
      if (next === undefined) return applied;
      applied.push(next);
    }
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new MigrationError("MIGRATION_LOCKED", `Cannot migrate ${database}: another process is using it (a running Lantern server?). Stop it, then run this again.`);
    }
    throw (postgresql && connectionFailure(error, databaseUrl)) || new MigrationError("MIGRATION_UNAVAILABLE", `Cannot migrate ${database}: ${oneLine(error)}`);
  } finally {
    await history.close();
  }
}
