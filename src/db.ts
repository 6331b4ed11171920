import { statSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { config } from "./config.ts";
import { countingStatements } from "./db-statements.ts";

export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.slice("file:".length);
}

/**
 * Opens an existing SQLite file (migrations create it): a missing file is an error, never a
 * fresh empty database.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const factory = new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl), timeout: 5000, fileMustExist: true });
  return new PrismaClient({ adapter: countingStatements(factory) });
}

/** Which file a path names: a file moved away and back keeps it, a copy put in its place does not. */
function fileIdentity(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats && `${stats.dev}:${stats.ino}`;
}

let client: PrismaClient | undefined;
let openedFile: string | undefined;
let reopening: Promise<void> | undefined;

/** The process-wide Prisma client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  if (!client) {
    client = createPrismaClient(config().DATABASE_URL);
    openedFile = fileIdentity(sqliteFilePath(config().DATABASE_URL));
  }
  return client;
}

/**
 * Whether the database file is in place. An open SQLite handle keeps working on a file that
 * was moved or deleted, so this looks at the configured path: no file there means the
 * database is unavailable; a different file there (restored from a backup) is reopened.
 */
export async function checkDatabaseFile(): Promise<boolean> {
  const current = fileIdentity(sqliteFilePath(config().DATABASE_URL));
  if (current === undefined) return false;
  if (client && current !== openedFile) {
    reopening ??= reopenDb().finally(() => (reopening = undefined));
    await reopening;
  }
  return true;
}

async function reopenDb(): Promise<void> {
  // Closing first lets SQLite finish with the old file's WAL before the new file is opened.
  await disconnectDb().catch(() => undefined);
  db();
}

export async function disconnectDb(): Promise<void> {
  const closing = client;
  client = undefined;
  openedFile = undefined;
  await closing?.$disconnect();
}
