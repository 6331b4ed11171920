import { sqlStatementCount } from "../../src/db/statement-count.ts";

/** Runs fn and returns how many SQL statements it sent, along with its result. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ statements: number; result: T }> {
  const before = sqlStatementCount();
  const result = await fn();
  return { statements: sqlStatementCount() - before, result };
}
