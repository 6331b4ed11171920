import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { knownMigrations, MigrationError, migrateDatabase, migrationChecksum } from "../src/db/migrations.ts";
import { runCommand } from "./support/commands.ts";
import { onPostgres } from "./support/database.ts";
import { runPrefix } from "./support/test-databases.ts";

// Databases made before this runner were migrated by `prisma migrate deploy` (SQLite) or by the
// previous in-process runner (PostgreSQL); both left Prisma's _prisma_migrations table as built
// here: Prisma's DDL, one row per migration, Prisma's checksum, ISO instants on SQLite.
const folder = onPostgres ? "prisma/postgresql/migrations" : "prisma/migrations";
const migrations = knownMigrations(folder);
const sqlOf = (name: string) => readFileSync(join(folder, name, "migration.sql"), "utf8");

const SQLITE_TABLE = `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const POSTGRESQL_TABLE = `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

type Fixture = { url: string; rows(): Promise<{ migration_name: string; checksum: string }[]> };

/** A new, empty database. */
async function newDatabase(): Promise<Fixture> {
  if (!onPostgres) {
    const file = join(mkdtempSync(join(tmpdir(), "lantern-migrations-")), "lantern.db");
    return {
      url: `file:${file}`,
      rows: async () => new Database(file, { readonly: true }).prepare(`SELECT "migration_name", "checksum" FROM "_prisma_migrations" ORDER BY "started_at"`).all() as never,
    };
  }
  const server = new URL(inject("templateDatabaseUrl"));
  const name = `${runPrefix(inject("testRunId"))}${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await withPostgres(new URL("/postgres", server).toString(), (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(`/${name}`, server).toString();
  return { url, rows: () => withPostgres(url, async (client) => (await client.query(`SELECT "migration_name", "checksum" FROM "_prisma_migrations" ORDER BY "started_at"`)).rows) };
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database as the previous runners left it with `applied` migrated; `checksumOf` may lie about one. */
async function databaseMigratedBefore(applied: string[], checksumOf = (name: string) => migrationChecksum(sqlOf(name))): Promise<Fixture> {
  const fixture = await newDatabase();
  const instant = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  if (!onPostgres) {
    const connection = new Database(fixture.url.slice("file:".length));
    connection.exec(SQLITE_TABLE);
    applied.forEach((name, index) => {
      connection.exec(sqlOf(name));
      connection
        .prepare(`INSERT INTO "_prisma_migrations" VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`)
        .run(randomUUID(), checksumOf(name), instant(Date.UTC(2026, 10, 26, 8, 0, index + 1)), name, instant(Date.UTC(2026, 10, 26, 8, 0, index)));
    });
    connection.close();
  } else {
    await withPostgres(fixture.url, async (client) => {
      await client.query(POSTGRESQL_TABLE);
      for (const name of applied) {
        await client.query(sqlOf(name));
        await client.query(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 3)`, [
          randomUUID(),
          checksumOf(name),
          name,
        ]);
      }
    });
  }
  return fixture;
}

describe(`the migrations runner (${onPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("migrates a new database and records every migration with Prisma's checksum", async () => {
    const fixture = await newDatabase();
    const lines: string[] = [];
    expect(await migrateDatabase(fixture.url, (line) => lines.push(line))).toEqual(migrations);
    expect(lines).toHaveLength(1);
    expect(await fixture.rows()).toEqual(migrations.map((name) => ({ migration_name: name, checksum: migrationChecksum(sqlOf(name)) })));
    expect(await migrateDatabase(fixture.url)).toEqual([]);
  });

  it("continues a database migrated before it, applying only what that one lacks", async () => {
    const fixture = await databaseMigratedBefore(migrations.slice(0, -1));
    expect(await migrateDatabase(fixture.url)).toEqual(migrations.slice(-1));
    expect((await fixture.rows()).map((row) => row.migration_name)).toEqual(migrations);
    const current = await databaseMigratedBefore(migrations);
    expect(await migrateDatabase(current.url)).toEqual([]);
  });

  it("lets processes starting together take turns: each migration is applied once", async () => {
    const fixture = await newDatabase();
    const migrate = () => runCommand(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { env: { DATABASE_URL: fixture.url } });
    const results = await Promise.all([migrate(), migrate()]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(await fixture.rows()).toHaveLength(migrations.length);
  }, 30_000);

  it("refuses, in one line, a migration edited after it was applied", async () => {
    const edited = migrations[0];
    const fixture = await databaseMigratedBefore(migrations, (name) => (name === edited ? "0".repeat(64) : migrationChecksum(sqlOf(name))));
    const error = await migrateDatabase(fixture.url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe("MIGRATION_EDITED");
    expect((error as Error).message).toMatch(new RegExp(`^Cannot migrate .*: migration ${edited} was edited after it was applied .*; restore it and put the change in a new migration$`));
    expect((error as Error).message).not.toContain("\n");
  });
});
