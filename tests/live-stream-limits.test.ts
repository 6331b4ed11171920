import { request, type ClientRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServerProcess, type ServerProcess } from "./support/server-process.ts";
import { sqliteFilePath } from "../src/db/client.ts";
import { onPostgres } from "./support/database.ts";

const PER_CLIENT = 20;
const TOTAL = 1000;
const SUBSCRIPTION = "subscription ($slot: String!) { featuredChanged(slot: $slot) { title } }";

interface OpenStream {
  /** The first event's data. */
  first: any;
  request: ClientRequest;
}

/** Opens a featuredChanged stream over SSE from `client` (X-Forwarded-For, as a proxy sets it). */
function openStream(url: string, client: string, slot: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      { method: "POST", agent: false, headers: { "content-type": "application/json", accept: "text/event-stream", "x-forwarded-for": client } },
      (res) => {
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          const data = buffer.split("\n\n").find((block) => block.includes("event: next"));
          if (data) resolve({ first: JSON.parse(data.split("\n").find((line) => line.startsWith("data:"))!.slice(5)), request: req });
        });
        res.on("end", () => reject(new Error(`stream ended before an event: ${buffer}`)));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ query: SUBSCRIPTION, variables: { slot } }));
  });
}

async function smallQueryMs(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ site { title } }" }),
  });
  expect(await response.json()).toEqual({ data: { site: { title: "Anxiety Relief Project" } } });
  return performance.now() - started;
}

const clientAddress = (index: number) => `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`;

describe.skipIf(onPostgres)("live-update streams against the real server", () => {
  let server: ServerProcess;
  const open: OpenStream[] = [];

  beforeAll(async () => {
    server = await startServerProcess({
      templateDatabase: sqliteFilePath(inject("templateDatabaseUrl")),
      // Every small query runs (none is answered from the cache).
      env: { TRUST_PROXY: "true", LIVE_STREAMS_PER_CLIENT: String(PER_CLIENT), LIVE_STREAMS_TOTAL: String(TOTAL), RESPONSE_CACHE_MAX_AGE: "0" },
    });
  });
  afterAll(async () => {
    for (const stream of open) stream.request.destroy();
    server?.child.kill("SIGKILL");
  });

  it(`caps streams per client (${PER_CLIENT}) and in total (${TOTAL}) with RATE_LIMITED, and keeps small queries' p99 under 100 ms with all open`, async () => {
    // One client's streams up to its cap, then one more.
    for (let index = 0; index < PER_CLIENT; index++) open.push(await openStream(server.url, "10.9.9.9", `one-client-${index}`));
    expect(open.every((stream) => Array.isArray(stream.first.data.featuredChanged))).toBe(true);
    const beyondClient = await openStream(server.url, "10.9.9.9", "one-client-more");
    expect(beyondClient.first.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "LIVE_STREAMS_PER_CLIENT" });
    expect(beyondClient.first.data ?? null).toBeNull();

    // The rest of the total from distinct clients, each on a slot of its own, 50 at a time.
    const started = performance.now();
    for (let index = PER_CLIENT; index < TOTAL; index += 50) {
      const batch = Array.from({ length: Math.min(50, TOTAL - index) }, (_, offset) => index + offset);
      open.push(...(await Promise.all(batch.map((n) => openStream(server.url, clientAddress(n), `slot-${n}`)))));
    }
    const openingMs = performance.now() - started;
    expect(open).toHaveLength(TOTAL);
    expect(open.every((stream) => stream.first.errors === undefined)).toBe(true);

    const beyondTotal = await openStream(server.url, "10.8.8.8", "one-more");
    expect(beyondTotal.first.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "LIVE_STREAMS_TOTAL" });

    const times: number[] = [];
    for (let index = 0; index < 200; index++) times.push(await smallQueryMs(server.url));
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99) - 1]!;
    console.log(
      `live streams: ${TOTAL} opened in ${Math.round(openingMs)} ms; { site { title } } with all open: median ${times[100]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
    );
    expect(p99).toBeLessThan(100);

    // A closed stream gives its place back.
    open.shift()!.request.destroy();
    await expect.poll(async () => (await openStream(server.url, "10.9.9.9", "after-close")).first.errors, { timeout: 5000 }).toBeUndefined();
  }, 180_000);
});
