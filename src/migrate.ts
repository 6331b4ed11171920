import { execFile } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { PROJECT_ROOT, projectFile } from "./project-files.ts";

const run = promisify(execFile);
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const MIGRATIONS = projectFile("prisma/migrations");

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
  {
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
}

function lockedError(file: string): MigrationError {
  return new MigrationError(`Cannot migrate ${file}: another process is using it (a running Lantern server?). Stop it, then run this again.`);
}

/** Prisma's schema engine takes the database for itself; with another process in it, it fails like this. */
const LOCKED = /SocketTimeout|database is locked|SQLITE_BUSY/i;

/**
 * Applies pending migrations with `prisma migrate deploy` (creating the SQLite file if needed).
 * Does nothing, and starts no process, when none are pending. Returns the names applied.
 */
export async function migrateDatabase(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
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
    throw new MigrationError(`Database migration failed:\n${output}`.trim());
  }
  return pending;
}
