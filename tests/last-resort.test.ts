import { renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { startServer } from "../src/app/server.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { sqliteFilePath } from "../src/db/client.ts";
import { onPostgres } from "./support/database.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { ManualClock } from "./support/clock.ts";
import { LEAKS } from "./support/graphql.ts";

// Exceptions that escape a route or a plugin's hook, over Node's HTTP server as in production:
// the answer is a coded JSON error, the stack goes to the server's log only.

const settings = parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300" });
const server = await startServer(0, "127.0.0.1", settings, { clock: new ManualClock() });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

let errorLog: MockInstance<typeof console.error>;
beforeEach(() => {
  errorLog = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

async function expectCodedInternalError(response: Response) {
  const text = await response.text();
  expect(response.status, text).toBe(500);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(JSON.parse(text)).toEqual({ errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  expect(text).not.toMatch(LEAKS);
}

/** The server logged the failure with its stack. */
function expectStackLogged(path: string) {
  const logged = errorLog.mock.calls.map((call) => call.map((part) => (part instanceof Error ? part.stack : String(part))).join(" "));
  expect(logged.some((line) => line.includes(path) && /\n\s+at /.test(line)), logged.join("\n")).toBe(true);
  // In the one log format: no colour codes (Yoga's own logger writes them).
  expect(logged.every((line) => line.startsWith("[lantern] ") && !line.includes("\x1b")), logged.join("\n")).toBe(true);
}

// First: while the cache can store (its schedule was read), the answer's keys go into headers.
describe("a hook that throws while answering", () => {
  it("a name that cannot go into a header answers coded JSON, never a stack", async () => {
    for (const slot of ["日本", "a\r\nx-injected: 1"]) {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "query ($slot: String!) { featured(slot: $slot) { title } }", variables: { slot } }),
      });
      const text = await response.text();
      expect(response.headers.get("content-type"), text).toMatch(/^application\/(graphql-response\+)?json/);
      for (const error of JSON.parse(text).errors ?? []) expect(error.extensions.code, text).toBeTypeOf("string");
      expect(response.headers.get("x-injected")).toBeNull();
      expect(text).not.toMatch(LEAKS);
    }
  });
});

describe.skipIf(onPostgres)("routes that throw: the database file replaced by one that is not a database", () => {
  const file = sqliteFilePath(process.env.DATABASE_URL!);

  it("each route answers a coded INTERNAL_SERVER_ERROR and logs the stack", async () => {
    const editor = await tokenHeaders("editor");
    const moved = `${file}.moved`;
    renameSync(file, moved);
    writeFileSync(`${file}.garbage`, "this is not a database ".repeat(500));
    renameSync(`${file}.garbage`, file);
    try {
      const requests: [string, RequestInit][] = [
        ["/feed.xml", {}],
        ["/sitemap.xml", {}],
        ["/forms/subscribers.csv", { headers: editor }],
        ["/subscription/confirm", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "token=x" }],
      ];
      for (const [path, init] of requests) {
        errorLog.mockClear();
        await expectCodedInternalError(await fetch(base + path, init));
        expectStackLogged(path);
      }
    } finally {
      renameSync(moved, file);
    }
    expect((await fetch(`${base}/feed.xml`)).status).toBe(200);
  });
});
