import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { cdnPurger, PURGE_ATTEMPTS, PURGE_FIRST_WAIT_MS } from "../src/cache/cdn-purge.ts";
import { metricsRegistry } from "../src/platform/metrics-registry.ts";
import { ManualClock } from "./support/clock.ts";

let server: Server | undefined;
afterEach(() => void server?.close());

/** A purge endpoint that answers `statuses` in turn (then 200), recording what it was sent. */
async function purgeEndpoint(statuses: number[]) {
  const received: { method: string; xkey: string; surrogate: string }[] = [];
  server = createServer((request, response) => {
    received.push({ method: request.method!, xkey: String(request.headers.xkey), surrogate: String(request.headers["surrogate-key"]) });
    response.statusCode = statuses.shift() ?? 200;
    response.end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, received };
}

const failures = async () => (await metricsRegistry.getSingleMetric("lantern_cdn_purge_failures_total")!.get()).values[0]?.value ?? 0;

describe("CDN purges", () => {
  it("sends the keys in xkey and Surrogate-Key, retrying with back-off until the CDN accepts", async () => {
    const { url, received } = await purgeEndpoint([503, 500]);
    const clock = new ManualClock();
    cdnPurger(url, clock, () => undefined)(["Article:1", "Articles"]);
    await expect.poll(() => received.length).toBe(1);
    await clock.timerAt(new Date(clock.now().getTime() + PURGE_FIRST_WAIT_MS));
    clock.advanceTo(new Date(clock.now().getTime() + PURGE_FIRST_WAIT_MS));
    await expect.poll(() => received.length).toBe(2);
    await clock.timerAt(new Date(clock.now().getTime() + 2 * PURGE_FIRST_WAIT_MS));
    clock.advanceTo(new Date(clock.now().getTime() + 2 * PURGE_FIRST_WAIT_MS));
    await expect.poll(() => received.length).toBe(3);
    expect(received.every((r) => r.method === "PURGE" && r.xkey === "Article:1 Articles" && r.surrogate === "Article:1 Articles")).toBe(true);
  });

  it("gives up after the last attempt with a log line and a count, without throwing", async () => {
    const { url, received } = await purgeEndpoint(Array(PURGE_ATTEMPTS).fill(500));
    const clock = new ManualClock();
    const log: string[] = [];
    const before = await failures();
    cdnPurger(url, clock, (line) => log.push(line))(["Site"]);
    for (let attempt = 1; attempt < PURGE_ATTEMPTS; attempt++) {
      await expect.poll(() => received.length).toBe(attempt);
      const due = new Date(clock.now().getTime() + PURGE_FIRST_WAIT_MS * 2 ** (attempt - 1));
      await clock.timerAt(due);
      clock.advanceTo(due);
    }
    await expect.poll(() => log.length).toBe(1);
    expect(received).toHaveLength(PURGE_ATTEMPTS);
    expect(log[0]).toMatch(/CDN purge of Site failed 5 times \(last: HTTP 500\)/);
    expect(await failures()).toBe(before + 1);
  });
});
