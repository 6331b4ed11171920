import { sqlReader } from "../db.ts";
import type { Row } from "./sqlite-reader.ts";
import type { Statement } from "./statement.ts";

export type { Row };

/**
 * Runs a read written in SQL. For the few lookups every page makes, where Prisma's per-query
 * cost is many times the query's own; everything else reads through Prisma.
 */
export async function queryRows(statement: Statement): Promise<Row[]> {
  return sqlReader().all(statement);
}

/** Column values as SQLite returns them, read into the types Prisma would give. */
export const read = {
  int: (value: unknown): number => Number(value),
  intOrNull: (value: unknown): number | null => (value == null ? null : Number(value)),
  string: (value: unknown): string => String(value),
  stringOrNull: (value: unknown): string | null => (value == null ? null : String(value)),
  boolean: (value: unknown): boolean => value === 1 || value === true,
  date: (value: unknown): Date => new Date(value as string | number),
  dateOrNull: (value: unknown): Date | null => (value == null ? null : new Date(value as string | number)),
};
