/** PostgreSQL refused or could not take the connection; the message is one line naming the cause and the fix. */
export class DatabaseConnectionError extends Error {}

interface DriverCause {
  kind?: string;
  originalCode?: string;
  originalMessage?: string;
}

/** Where DATABASE_URL points, without its password. */
function target(databaseUrl: string): { where: string; user: string; database: string } {
  const url = new URL(databaseUrl);
  const user = decodeURIComponent(url.username) || "(the system user)";
  const database = decodeURIComponent(url.pathname.slice(1)) || user;
  return { where: `${url.hostname || "localhost"}:${url.port || 5432}/${database}`, user, database };
}

/**
 * The DatabaseConnectionError for an error PostgreSQL's driver raised while connecting (a user
 * that does not exist, a wrong password, a database that does not exist, nothing listening),
 * or undefined for any other error.
 */
export function connectionFailure(error: unknown, databaseUrl: string): DatabaseConnectionError | undefined {
  const { where, user, database } = target(databaseUrl);
  const because = (text: string) => new DatabaseConnectionError(`Cannot connect to PostgreSQL at ${where} as ${user}: ${text}`);
  // pg's own error, before the driver adapter sees a connection.
  if (/client password must be a string/.test(error instanceof Error ? error.message : "")) {
    return because("the server asks for a password and DATABASE_URL has none (add it: postgresql://user:password@host/database)");
  }
  const cause = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta?.driverAdapterError?.cause ?? fromPgError(error);
  if (!cause) return undefined;
  const original = cause.originalMessage ?? "";
  if (cause.originalCode === "28P01") return because(`wrong password for ${user} (fix the password in DATABASE_URL)`);
  if (/^role ".*" does not exist$/.test(original)) return because(`the user ${user} does not exist (create it with CREATE ROLE, or fix the user in DATABASE_URL)`);
  if (cause.kind === "DatabaseDoesNotExist") return because(`the database ${database} does not exist (create it with createdb, or fix its name in DATABASE_URL)`);
  if (cause.kind === "DatabaseNotReachable") return because("nothing answers there (is PostgreSQL running, and are the host and port in DATABASE_URL right?)");
  if (cause.kind === "DatabaseAccessDenied" || cause.kind === "AuthenticationFailed" || cause.originalCode?.startsWith("28")) {
    return because(`access denied: ${original || cause.kind}`);
  }
  return undefined;
}

/** pg's own error (the migrations runner connects through pg directly), in the driver adapter's terms. */
function fromPgError(error: unknown): DriverCause | undefined {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === "3D000") return { kind: "DatabaseDoesNotExist", originalCode: code, originalMessage: message };
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EHOSTUNREACH" || code === "ETIMEDOUT") return { kind: "DatabaseNotReachable", originalCode: code };
  if (code?.startsWith("28")) return { originalCode: code, originalMessage: message };
  return undefined;
}
