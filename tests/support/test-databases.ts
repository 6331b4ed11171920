import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createPrismaClient, databaseProvider, sqliteFilePath } from "../../src/db/client.ts";

// The suite runs on the database DATABASE_URL names when it starts: a SQLite file (the default)
// or a PostgreSQL server (postgresql://user@host:port/any-existing-database). It prepares one
// template database per run and gives every test file a copy of it.

/** This run's databases on a PostgreSQL server are named with this prefix, and dropped with it. */
export const runPrefix = (runId: string) => `lantern_t_${runId}_`;

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const prisma = createPrismaClient(serverUrl);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** An empty database for the run's template (PostgreSQL) or the template file's URL (SQLite). */
export async function createTemplateDatabase(serverUrl: string, runId: string, sqliteDir: string): Promise<string> {
  if (databaseProvider(serverUrl) === "sqlite") return `file:${join(sqliteDir, "template.db")}`;
  const name = `${runPrefix(runId)}template`;
  await onServer(serverUrl, (prisma) => prisma.$executeRawUnsafe(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl, name);
}

/** A copy of the template for one test file; returns its URL. */
export async function copyOfTemplate(templateUrl: string, runId: string): Promise<string> {
  if (databaseProvider(templateUrl) === "sqlite") {
    const copy = join(dirname(sqliteFilePath(templateUrl)), `${randomUUID()}.db`);
    copyFileSync(sqliteFilePath(templateUrl), copy);
    return `file:${copy}`;
  }
  const name = `${runPrefix(runId)}${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const template = new URL(templateUrl).pathname.slice(1);
  await onServer(withDatabase(templateUrl, "postgres"), (prisma) =>
    prisma.$executeRawUnsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return withDatabase(templateUrl, name);
}

/** Drops every database of the run (PostgreSQL; SQLite files go with their folder). */
export async function dropRunDatabases(serverUrl: string, runId: string): Promise<void> {
  if (databaseProvider(serverUrl) === "sqlite") return;
  await onServer(serverUrl, async (prisma) => {
    const rows = await prisma.$queryRawUnsafe<{ datname: string }[]>(
      `SELECT "datname"::text AS "datname" FROM "pg_database" WHERE "datname" LIKE '${runPrefix(runId)}%'`,
    );
    for (const { datname } of rows) await prisma.$executeRawUnsafe(`DROP DATABASE "${datname}" WITH (FORCE)`);
  });
}
