import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { config } from "./config.ts";
import { countingAdapterFactory } from "./db-statements.ts";

export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.slice("file:".length);
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = countingAdapterFactory(new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl), timeout: 5000 }));
  return new PrismaClient({ adapter });
}

let readClient: PrismaClient | undefined;
let writeClient: PrismaClient | undefined;

/** The process-wide client for reads, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  readClient ??= createPrismaClient(config().DATABASE_URL);
  return readClient;
}

/**
 * The client for writes, on a connection of its own. SQLite connections are shared by every
 * statement sent through them, so a read on the transaction's connection would see (and a
 * write would join) another request's open transaction. Writes go through here, always inside
 * a transaction (the adapter runs one at a time); reads through db() see committed data only.
 */
export function writeDb(): PrismaClient {
  writeClient ??= createPrismaClient(config().DATABASE_URL);
  return writeClient;
}

export async function disconnectDb(): Promise<void> {
  await Promise.all([readClient?.$disconnect(), writeClient?.$disconnect()]);
  readClient = undefined;
  writeClient = undefined;
}
