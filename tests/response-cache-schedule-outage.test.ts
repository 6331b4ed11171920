import { renameSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createResponseCache } from "../src/cache/response-cache.ts";
import { disconnectDb, sqliteFilePath } from "../src/db/client.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { SCHEDULE_RECHECK_MS } from "../src/read/schedule.ts";
import { ManualClock } from "./support/clock.ts";
import { onPostgres } from "./support/database.ts";

const file = sqliteFilePath(process.env.DATABASE_URL!);

describe.skipIf(onPostgres)("the response cache's schedule while the database is missing", () => {
  it("retries every SCHEDULE_RECHECK_MS, caches nothing, says so once, and resumes when the database is back", async () => {
    const clock = new ManualClock();
    const logs: string[] = [];
    const cache = createResponseCache(parseConfig({ ...process.env, RESPONSE_CACHE_MAX_AGE: "300" }), clock, (message) => logs.push(message));
    await disconnectDb();
    renameSync(file, `${file}.moved`);
    try {
      cache.startSchedule();
      for (let retry = 1; retry <= 3; retry++) {
        const at = new Date(clock.now().getTime() + SCHEDULE_RECHECK_MS);
        // Not a 0 ms timer read again at once: the next try is a whole recheck away.
        await clock.timerAt(at);
        expect(await cache.ttlMs(clock.now())).toBe(0);
        clock.advanceTo(at);
      }
      await clock.timerAt(new Date(clock.now().getTime() + SCHEDULE_RECHECK_MS));
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/^Response cache: could not read the schedule .*retrying every 30000 ms$/s);
    } finally {
      await disconnectDb();
      renameSync(`${file}.moved`, file);
    }

    const at = new Date(clock.now().getTime() + SCHEDULE_RECHECK_MS);
    clock.advanceTo(at);
    await clock.timerBy(new Date(at.getTime() + SCHEDULE_RECHECK_MS));
    expect(logs.slice(1)).toEqual(["Response cache: the schedule is readable again; caching resumed"]);
    expect(await cache.ttlMs(clock.now())).toBeGreaterThan(0);
    await cache.close();
  });
});
