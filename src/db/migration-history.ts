import Database from "better-sqlite3";
import pg from "pg";

/** A row of Prisma's `_prisma_migrations` table, as the runner reads it. */
export type AppliedRow = { name: string; checksum: string; finishedAt: unknown; rolledBackAt: unknown };

export type MigrationRecord = { id: string; name: string; checksum: string; startedAt: Date };

export interface MigrationTransaction {
  read(): Promise<AppliedRow[]>;
  /** Runs a migration's whole SQL file. */
  run(sql: string): Promise<void>;
  record(migration: MigrationRecord): Promise<void>;
}

/** Prisma's migrations table of one database, and a transaction that holds its migration lock. */
export interface MigrationHistory {
  read(): Promise<AppliedRow[]>;
  locked<T>(work: (tx: MigrationTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const SELECT_ROWS = `SELECT "migration_name" AS "name", "checksum", "finished_at" AS "finishedAt", "rolled_back_at" AS "rolledBackAt"
  FROM "_prisma_migrations" ORDER BY "started_at"`;
const INSERT_ROW = `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")`;

/** The table as `prisma migrate deploy` creates it on SQLite. */
const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Prisma writes SQLite's instants as ISO 8601 with an explicit offset. */
const sqliteInstant = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * SQLite: one connection (creating the file); BEGIN IMMEDIATE takes the database's write lock for
 * each migration, so two processes migrating one file take turns. Foreign keys are off while a
 * migration runs (a table redefinition drops and recreates tables, which would otherwise cascade)
 * and checked before the commit, as SQLite's documentation prescribes for schema changes.
 */
export function openSqliteHistory(file: string): MigrationHistory {
  const connection = new Database(file, { timeout: 5000 });
  const hasTable = () => connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get() !== undefined;
  const read = async () => (hasTable() ? (connection.prepare(SELECT_ROWS).all() as AppliedRow[]) : []);
  const tx: MigrationTransaction = {
    read,
    async run(sql) {
      connection.exec(sql);
      const violation = connection.prepare("PRAGMA foreign_key_check").get() as { table: string } | undefined;
      if (violation) throw new Error(`it leaves rows of ${violation.table} pointing at rows that do not exist`);
    },
    async record({ id, name, checksum, startedAt }) {
      connection
        .prepare(`${INSERT_ROW} VALUES (?, ?, ?, ?, ?, 1)`)
        .run(id, checksum, sqliteInstant(new Date()), name, sqliteInstant(startedAt));
    },
  };
  return {
    read,
    async locked(work) {
      connection.pragma("foreign_keys = OFF");
      connection.exec("BEGIN IMMEDIATE");
      try {
        connection.exec(SQLITE_TABLE);
        const result = await work(tx);
        connection.exec("COMMIT");
        return result;
      } catch (error) {
        if (connection.inTransaction) connection.exec("ROLLBACK");
        throw error;
      } finally {
        connection.pragma("foreign_keys = ON");
      }
    },
    async close() {
      connection.close();
    },
  };
}

/** The table as `prisma migrate deploy` creates it on PostgreSQL. */
const POSTGRESQL_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Any constant: instances starting together on one database take turns migrating it. */
const MIGRATION_LOCK = 7_302_661;

/**
 * PostgreSQL: one connection; each migration runs in a transaction that first takes a
 * transaction-level advisory lock, so instances starting together take turns.
 */
export async function openPostgresqlHistory(databaseUrl: string): Promise<MigrationHistory> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const read = async () => {
    const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
    return table.rows[0]!.exists ? ((await client.query(SELECT_ROWS)).rows as AppliedRow[]) : [];
  };
  const tx: MigrationTransaction = {
    read,
    async run(sql) {
      await client.query(sql); // the simple query protocol: the whole file, dollar-quoted bodies and all
    },
    async record({ id, name, checksum, startedAt }) {
      await client.query(`${INSERT_ROW} VALUES ($1, $2, now(), $3, $4, 1)`, [id, checksum, name, startedAt]);
    },
  };
  return {
    read,
    async locked(work) {
      await client.query("BEGIN");
      try {
        await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        await client.query(POSTGRESQL_TABLE);
        const result = await work(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
