import { readConnection } from "../db.ts";
import { toDriverQuery, type Statement } from "./statement.ts";

export type Row = Record<string, unknown>;

/**
 * Runs a read on the read client's own connection, through the same driver adapter as every
 * Prisma query (so it is counted like one), and returns the rows as objects by column name.
 * For the few lookups every page makes, where Prisma's per-query cost outweighs the query.
 */
export async function queryRows(statement: Statement): Promise<Row[]> {
  const connection = await readConnection();
  const result = await connection.queryRaw(toDriverQuery(statement, connection.provider));
  return result.rows.map((values) => {
    const row: Row = {};
    result.columnNames.forEach((name, i) => (row[name] = values[i]));
    return row;
  });
}

/** Column values as the driver returns them, read into the types Prisma would give. */
export const read = {
  int: (value: unknown): number => Number(value),
  intOrNull: (value: unknown): number | null => (value == null ? null : Number(value)),
  string: (value: unknown): string => String(value),
  stringOrNull: (value: unknown): string | null => (value == null ? null : String(value)),
  date: (value: unknown): Date => new Date(value as string | number),
  dateOrNull: (value: unknown): Date | null => (value == null ? null : new Date(value as string | number)),
};
