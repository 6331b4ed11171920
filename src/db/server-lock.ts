import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { DatabaseFileError } from "./file-checks.ts";
import { databaseProvider, sqliteFilePath } from "./client.ts";

/** Held for the life of the server process: the operating system releases it when the process ends, however it ends. */
let held: Database.Database | undefined;

/**
 * One server per SQLite file: each keeps its response cache in its own memory and could not tell
 * another what an editor changed. The server takes an exclusive lock on `<file>.server-lock`
 * (SQLite's own file lock, beside the database) and a second server on the same file is refused
 * in one line. Commands (db:migrate, db:seed, token) do not take it. PostgreSQL is not locked:
 * several instances share it and Redis.
 */
export function holdServerLock(databaseUrl: string): void {
  if (held || databaseProvider(databaseUrl) !== "sqlite") return;
  const file = resolve(sqliteFilePath(databaseUrl));
  let lock: Database.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    lock = new Database(`${file}.server-lock`, { timeout: 0 });
  } catch {
    return; // the folder cannot be written: opening the database says why, in one line
  }
  try {
    lock.exec("BEGIN EXCLUSIVE");
    held = lock;
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code !== "SQLITE_BUSY") return;
    throw new DatabaseFileError(
      `Cannot use the database ${file}: another Lantern server is serving it (one server per SQLite file; stop the other one, or run several instances on PostgreSQL with REDIS_URL)`,
    );
  }
}
