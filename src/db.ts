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

let client: PrismaClient | undefined;

/** The process-wide Prisma client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  client ??= createPrismaClient(config().DATABASE_URL);
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
