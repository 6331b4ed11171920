import { existsSync, renameSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fetchYoga, LEAKS } from "./support/graphql.ts";
import { sqliteFilePath } from "../src/db/client.ts";
import { onPostgres } from "./support/database.ts";

const file = sqliteFilePath(process.env.DATABASE_URL!);

// A file that goes away is SQLite's failure; PostgreSQL's outages are the server's.
describe.skipIf(onPostgres)("the sitemap and the feed while the database file is missing", () => {
  it("answer 503 without creating a database, then serve again when it is back", async () => {
    expect((await fetchYoga("/feed.xml")).status).toBe(200);
    renameSync(file, `${file}.moved`);
    try {
      for (const path of ["/sitemap.xml", "/feed.xml"]) {
        const response = await fetchYoga(path);
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await response.text()).not.toMatch(LEAKS);
      }
      expect(existsSync(file)).toBe(false);
    } finally {
      renameSync(`${file}.moved`, file);
    }
    expect((await fetchYoga("/sitemap.xml")).status).toBe(200);
  });
});
