import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { graphql, errorCodes, fetchYoga, LEAKS } from "./support/graphql.ts";
import { db, sqliteFilePath } from "../src/db/client.ts";
import { onPostgres } from "./support/database.ts";

const file = sqliteFilePath(process.env.DATABASE_URL!);
const moved = `${file}.moved`;
const ARTICLE = `{ article(slug: "the-therapeutic-relationship") { title } }`;

async function expectServing() {
  expect((await fetchYoga("/ready")).status).toBe(200);
  const response = await graphql(ARTICLE);
  expect(response.body).toEqual({ data: { article: { title: "The Therapeutic Relationship" } } });
}

async function expectUnavailable() {
  const ready = await fetchYoga("/ready");
  expect(ready.status).toBe(503);
  expect(await ready.text()).not.toMatch(LEAKS);

  const started = performance.now();
  const response = await graphql(ARTICLE);
  expect(performance.now() - started).toBeLessThan(200);
  expect(response.status).toBe(503);
  expect(errorCodes(response)).toEqual(["SERVICE_UNAVAILABLE"]);
  expect(response.text).not.toMatch(LEAKS);
  // No fresh, empty database took the missing one's place.
  expect(existsSync(file)).toBe(false);
}

describe("health and readiness", () => {
  it("GET /health answers 200 while the process runs", async () => {
    expect((await fetchYoga("/health")).status).toBe(200);
  });

  it("GET /ready answers 200 when the database answers", async () => {
    const response = await fetchYoga("/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it.skipIf(onPostgres)("the Prisma connection waits up to 5 s for a lock instead of failing at once", async () => {
    const [row] = await db().$queryRawUnsafe<{ timeout: bigint }[]>("PRAGMA busy_timeout");
    expect(Number(row!.timeout)).toBe(5000);
  });
});

describe.skipIf(onPostgres)("when the database file goes away", () => {
  it("fails fast with SERVICE_UNAVAILABLE and recovers when the file is moved back", async () => {
    await expectServing();
    renameSync(file, moved);
    try {
      await expectUnavailable();
      await expectUnavailable();
    } finally {
      renameSync(moved, file);
    }
    await expectServing();
  });

  it("reopens the file when a copy is restored in its place", async () => {
    await db().subscriber.create({ data: { email: "before-outage@example.org" } });
    // A consistent copy, as a backup would be: the WAL folded into the main file first.
    await db().$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    copyFileSync(file, `${file}.backup`);
    rmSync(file);
    await expectUnavailable();

    renameSync(`${file}.backup`, file);
    await expectServing();
    expect(await db().subscriber.count({ where: { email: "before-outage@example.org" } })).toBe(1);
    await db().subscriber.create({ data: { email: "after-outage@example.org" } });
    expect(await db().subscriber.count({ where: { email: { endsWith: "-outage@example.org" } } })).toBe(2);
  });
});
