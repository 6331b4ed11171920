import { statSync } from "node:fs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgresql/client.ts";
import { countingAdapterFactory } from "./statement-count.ts";
import { serialTransactionsFactory } from "./serial-transactions.ts";

const BUSY_TIMEOUT_MS = 5000;

export type DatabaseProvider = "sqlite" | "postgresql";

/** `file:` URLs select embedded SQLite, `postgres:`/`postgresql:` URLs PostgreSQL. */
export function databaseProvider(databaseUrl: string): DatabaseProvider {
  return /^postgres(ql)?:/.test(databaseUrl) ? "postgresql" : "sqlite";
}

export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.slice("file:".length);
}

/**
 * A client for the database DATABASE_URL names. SQLite: an existing file (migrations create it),
 * never a fresh empty database. PostgreSQL: a client generated from the PostgreSQL schema
 * (prisma/postgresql, generated from the same models), typed as the SQLite one: the two differ
 * only in the provider-specific options this code does not use.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (databaseProvider(databaseUrl) === "postgresql") {
    const factory = new PrismaPg({ connectionString: databaseUrl });
    return new PostgresPrismaClient({ adapter: countingAdapterFactory(serialTransactionsFactory(factory)) }) as unknown as PrismaClient;
  }
  const factory = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
  return new PrismaClient({ adapter: countingAdapterFactory(factory) });
}

/** Which file a path names: a file moved away and back keeps it, a copy put in its place does not. */
function fileIdentity(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats && `${stats.dev}:${stats.ino}`;
}

let databaseUrl: string | undefined;
let readClient: PrismaClient | undefined;
let writeClient: PrismaClient | undefined;
let openedFile: string | undefined;
let reopening: Promise<void> | undefined;

/**
 * Names the database this process works on (DATABASE_URL from the settings the composition root
 * parsed); its clients are created on first use. A process has one database: naming another
 * while it is in use is a mistake, refused.
 */
export function useDatabase(url: string): void {
  if (databaseUrl !== undefined && databaseUrl !== url) {
    throw new Error(`This process already uses the database ${databaseUrl}; it cannot switch to ${url}`);
  }
  databaseUrl = url;
}

function configuredUrl(): string {
  if (databaseUrl === undefined) throw new Error("No database: the composition root names it with useDatabase(settings.DATABASE_URL) first");
  return databaseUrl;
}

/** The provider of the database this process uses. */
export const usedProvider = (): DatabaseProvider => databaseProvider(configuredUrl());

const onSqlite = () => usedProvider() === "sqlite";

function remember<T>(client: T): T {
  if (onSqlite()) openedFile ??= fileIdentity(sqliteFilePath(configuredUrl()));
  return client;
}

/** The process-wide client for reads, created on first use. */
export function db(): PrismaClient {
  readClient ??= remember(createPrismaClient(configuredUrl()));
  return readClient;
}

/**
 * The client for writes, on a connection of its own. SQLite connections are shared by every
 * statement sent through them, so a read on the transaction's connection would see (and a
 * write would join) another request's open transaction. Writes go through here, always inside
 * a transaction (the adapter runs one at a time); reads through db() see committed data only.
 */
export function writeDb(): PrismaClient {
  writeClient ??= remember(createPrismaClient(configuredUrl()));
  return writeClient;
}

/**
 * Whether the database file is in place. An open SQLite handle keeps working on a file that
 * was moved or deleted, so this looks at the configured path: no file there means the
 * database is unavailable; a different file there (restored from a backup) is reopened.
 */
export async function checkDatabaseFile(): Promise<boolean> {
  if (!onSqlite()) return true;
  const current = fileIdentity(sqliteFilePath(configuredUrl()));
  if (current === undefined) return false;
  if (openedFile !== undefined && current !== openedFile) {
    // Closing first lets SQLite finish with the old file's WAL before the new file is opened.
    reopening ??= disconnectDb()
      .catch(() => undefined)
      .finally(() => (reopening = undefined));
    await reopening;
  }
  return true;
}

/** Closes the clients; the next use opens new ones on the same database. */
export async function disconnectDb(): Promise<void> {
  const closing = [readClient, writeClient];
  readClient = undefined;
  writeClient = undefined;
  openedFile = undefined;
  await Promise.all(closing.map(async (client) => client?.$disconnect()));
}
