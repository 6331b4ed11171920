import { describe, expect, it } from "vitest";
import { db } from "../src/db/client.ts";
import { onPostgres } from "./support/database.ts";

describe.skipIf(onPostgres)("the test database", () => {
  it("runs in WAL journal mode, as the server's does", async () => {
    expect(await db().$queryRawUnsafe(`PRAGMA journal_mode`)).toEqual([{ journal_mode: "wal" }]);
  });
});
