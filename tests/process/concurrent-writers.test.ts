import { describe, expect, it } from "vitest";
import { db } from "../../src/db/client.ts";
import { onPostgres } from "../support/database.ts";
import { spawnProcess } from "../support/processes.ts";

const PROCESSES = 5;
const ROUNDS = 10;

interface Layout {
  mode: "statements" | "transactions";
  connections: number;
  writersPerConnection: number;
}

/** Starts PROCESSES writer processes, lets them all write at once, and collects what they saw. */
async function writeConcurrently(layout: Layout) {
  const processes = Array.from({ length: PROCESSES }, (_, index) => {
    const writer = spawnProcess(process.execPath, ["--import", "tsx", "tests/support/sqlite-writers.ts"], {
      env: {
        MODE: layout.mode,
        CONNECTIONS: String(layout.connections),
        WRITERS_PER_CONNECTION: String(layout.writersPerConnection),
        ROUNDS: String(ROUNDS),
        WRITER_NAME: `${layout.mode}${index}`,
      },
      stdin: "pipe",
    });
    return { ...writer, ready: writer.nextLine() };
  });
  await Promise.all(processes.map((p) => p.ready));
  for (const p of processes) p.child.stdin!.write("go\n");
  const results = await Promise.all(processes.map(async (p) => JSON.parse(await p.nextLine()) as { ok: number; errors: string[] }));
  return { ok: results.reduce((sum, r) => sum + r.ok, 0), errors: results.flatMap((r) => r.errors) };
}

const version = async () => (await db().article.findFirstOrThrow({ where: { slug: "the-therapeutic-relationship" } })).version;

// SQLite's locking; PostgreSQL's concurrent writes are covered by tests/concurrent-sets.test.ts.
describe.skipIf(onPostgres)("SQLite under concurrent writers (WAL, 5 s busy timeout)", () => {
  it("50 connections in 5 processes write at once and never see \"database is locked\"", async () => {
    const before = await version();
    const { ok, errors } = await writeConcurrently({ mode: "statements", connections: 10, writersPerConnection: 1 });
    expect(errors).toEqual([]);
    const writes = PROCESSES * 10 * ROUNDS;
    expect(ok).toBe(writes);
    expect(await db().subscriber.count({ where: { email: { startsWith: "statements" } } })).toBe(writes / 2);
    expect((await version()) - before).toBe(writes / 2);
  }, 120_000);

  it("50 writers running batch and interactive transactions from 5 processes never see \"database is locked\"", async () => {
    const before = await version();
    const { ok, errors } = await writeConcurrently({ mode: "transactions", connections: 1, writersPerConnection: 10 });
    expect(errors).toEqual([]);
    const writes = PROCESSES * 10 * ROUNDS;
    expect(ok).toBe(writes);
    expect(await db().contactMessage.count({ where: { name: { startsWith: "transactions" } } })).toBe(writes / 2);
    expect(await db().subscriber.count({ where: { email: { startsWith: "transactions" } } })).toBe(writes / 2);
    expect((await version()) - before).toBe(writes);
  }, 120_000);
});
