import { databaseProvider } from "../../src/db/client.ts";

/** The database the suite runs on (DATABASE_URL: `file:` is SQLite, `postgresql:` PostgreSQL). */
export const provider = databaseProvider(process.env.DATABASE_URL ?? "");
export const onPostgres = provider === "postgresql";
