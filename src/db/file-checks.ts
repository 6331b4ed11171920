import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";

/** The database cannot be used; the message is one line naming the file and the cause. */
export class DatabaseFileError extends Error {}

function fail(path: string, cause: string): never {
  throw new DatabaseFileError(`Cannot use the database ${path}: ${cause}`);
}

const code = (error: unknown) => (error as { code?: string }).code ?? "";

/** What a file system error code means, where the code alone would not tell a person. */
const MEANINGS: Record<string, string> = {
  EROFS: "the file system is mounted read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
};

/** The cause of a file system error, as "(CODE: what it means)". */
function reason(error: unknown): string {
  const errorCode = code(error);
  if (!errorCode) return `(${error instanceof Error ? error.message : String(error)})`;
  return MEANINGS[errorCode] ? `(${errorCode}: ${MEANINGS[errorCode]})` : `(${errorCode})`;
}

/** The closest folder above `path` (or `path` itself) that exists, or a file standing where a folder should be. */
function nearestExisting(path: string): { path: string; isFolder: boolean } {
  for (let current = path; ; current = dirname(current)) {
    try {
      const stats = statSync(current, { throwIfNoEntry: false });
      if (stats) return { path: current, isFolder: stats.isDirectory() };
    } catch (error) {
      if (code(error) !== "ENOTDIR") throw error;
    }
    if (dirname(current) === current) return { path: current, isFolder: true };
  }
}

function writeError(path: string): unknown {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * Checks, before anything else touches it, that the SQLite file can be created or opened for
 * reading and writing: a folder, a file that is not SQLite, a read-only file, folder or file
 * system, a file where a folder should be, or a folder that cannot be created each get a
 * DatabaseFileError that says which. Returns whether the file exists (migrations create a
 * missing one).
 */
export function checkDatabaseFile(file: string): boolean {
  const path = resolve(file);
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if (code(error) !== "ENOTDIR") fail(path, `it cannot be reached ${reason(error)}; check the permissions of the folders above it`);
  }
  if (!stats) {
    const folder = dirname(path);
    const existing = nearestExisting(folder);
    if (!existing.isFolder) fail(path, `${existing.path} is a file, not a folder`);
    const readOnly = writeError(existing.path);
    if (readOnly) {
      fail(path, existing.path === folder ? `it cannot be created: its folder is read-only ${reason(readOnly)}` : `its folder cannot be created ${reason(readOnly)}`);
    }
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      fail(path, `its folder cannot be created ${reason(error)}`);
    }
    return false;
  }
  if (stats.isDirectory()) fail(path, "it is a folder, not a file");
  if (!stats.isFile()) fail(path, "it is not a regular file");

  for (const [target, what] of [[path, "it is read-only"], [dirname(path), "its folder is read-only"]] as const) {
    try {
      accessSync(target, constants.R_OK | constants.W_OK);
    } catch (error) {
      fail(path, `${what} ${reason(error)}; Lantern writes to the file and creates its -wal and -shm files beside it`);
    }
  }

  let connection: Database.Database | undefined;
  try {
    connection = new Database(path, { fileMustExist: true, timeout: 0 });
    connection.pragma("schema_version");
    // Taking the write lock needs write access to the file and, for the journal, its folder.
    connection.exec("BEGIN IMMEDIATE; ROLLBACK");
  } catch (error) {
    const reason = code(error);
    if (reason === "SQLITE_BUSY") return true; // another process is writing: the file itself is fine
    if (reason === "SQLITE_NOTADB") fail(path, "it is not a SQLite database");
    if (reason.startsWith("SQLITE_READONLY")) fail(path, "it is read-only (Lantern writes to the file and creates its -wal and -shm files beside it)");
    if (reason.startsWith("SQLITE_CANTOPEN") || reason.startsWith("SQLITE_IOERR")) {
      fail(path, `it cannot be opened for writing; check the permissions of the file and its folder (${reason})`);
    }
    if (reason === "SQLITE_CORRUPT") fail(path, "it is damaged (SQLITE_CORRUPT)");
    fail(path, `${error instanceof Error ? error.message : String(error)}${reason ? ` (${reason})` : ""}`);
  } finally {
    connection?.close();
  }
  return true;
}
