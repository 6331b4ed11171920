import type { Prisma } from "../../src/generated/prisma/client.ts";
import { db } from "../../src/db/client.ts";
import { onPostgres } from "./database.ts";

/**
 * The tables a statement reads in full (a sequential scan), from the database's own plan.
 * PostgreSQL prefers scanning small tables even where an index would serve, so it is asked
 * for its plan with sequential scans priced out: a table still scanned then has no index that
 * serves the statement.
 */
export async function tablesScanned(statement: Prisma.Sql): Promise<string[]> {
  if (!onPostgres) {
    const plan = await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values);
    // "SCAN article" reads a table; "SCAN link USING COVERING INDEX …" and "SEARCH …" do not.
    return plan.map((row) => /^SCAN (\w+)$/.exec(row.detail)?.[1]).filter((table): table is string => table != null);
  }
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const [row] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(`EXPLAIN (FORMAT JSON) ${statement.text}`, ...statement.values);
    const scanned: string[] = [];
    const visit = (node: Record<string, unknown>) => {
      if (node["Node Type"] === "Seq Scan") scanned.push(String(node["Alias"]));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
    };
    const plan = row!["QUERY PLAN"];
    const parsed = typeof plan === "string" ? JSON.parse(plan) : plan;
    visit(parsed[0].Plan);
    return scanned;
  });
}
