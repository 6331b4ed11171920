import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "../../src/db/client.ts";
import { scratchDatabase, startServer, type RunningServer } from "../support/commands.ts";

const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const database = scratchDatabase(sqliteFilePath(inject("templateDatabaseUrl")));
  // Production, with GraphiQL asked for (it needs introspection).
  server = await startServer("node", ["dist/start.js"], { DATABASE_URL: database.url, NODE_ENV: "production", INTROSPECTION: "true", GRAPHIQL: "true" });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.child.kill("SIGTERM");
  await server?.exited;
});

interface Load {
  /** Bytes received over the network, headers included. */
  transferred: number;
  /** Bytes of each request that went over the network, by method and path ("GET /graphiql"). */
  fromNetwork: Map<string, number>;
}

describe("GraphiQL in Chromium", () => {
  it("loads in under 1 MB, runs the example query, and a repeat load only revalidates the page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let load: Load = { transferred: 0, fromNetwork: new Map() };
    const cached = new Set<string>();
    const requests = new Map<string, string>();
    cdp.on("Network.requestWillBeSent", (event) => {
      const url = new URL(event.request.url);
      if (url.protocol === "http:") requests.set(event.requestId, `${event.request.method} ${url.pathname}`);
    });
    cdp.on("Network.requestServedFromCache", (event) => cached.add(event.requestId));
    // A redirect keeps its request id: the bytes are counted for where the request ended.
    cdp.on("Network.loadingFinished", (event) => {
      const request = requests.get(event.requestId);
      if (!request || cached.has(event.requestId)) return;
      load.transferred += event.encodedDataLength;
      load.fromNetwork.set(request, event.encodedDataLength);
    });

    const consoleErrors: string[] = [];
    page.on("console", (message) => void (message.type() === "error" && consoleErrors.push(message.text())));
    page.on("pageerror", (error) => void consoleErrors.push(error.message));
    await page.goto(`${server.url}/graphql`);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => page.locator(".result-window").innerText(), { timeout: 20_000 }).toContain("Anxiety Relief Project");
    const first = load;
    console.log(`GraphiQL in Chromium, first load: ${first.transferred} bytes over the network (${[...first.fromNetwork].map(([request, bytes]) => `${request} ${bytes}`).join(", ")})`);
    expect(first.transferred).toBeLessThan(1_000_000);
    expect([...first.fromNetwork.keys()].filter((request) => request.startsWith("GET /graphiql/assets/"))).toHaveLength(4);

    load = { transferred: 0, fromNetwork: new Map() };
    await page.goto(`${server.url}/graphql`);
    await page.locator(".graphiql-execute-button").waitFor();
    await page.waitForLoadState("networkidle");
    console.log(`GraphiQL in Chromium, repeat load: ${load.transferred} bytes over the network (${[...load.fromNetwork].map(([request, bytes]) => `${request} ${bytes}`).join(", ")})`);
    // /graphql sends the browser to /graphiql, which is revalidated (a 304: headers only); the
    // assets come from the cache; what remains is GraphiQL's own introspection query.
    const pageBytes = first.fromNetwork.get("GET /graphiql")!;
    expect(pageBytes).toBeGreaterThan(1000);
    expect(load.fromNetwork.get("GET /graphiql")).toBeLessThan(pageBytes - 1000);
    expect([...load.fromNetwork.keys()].filter((request) => request.startsWith("GET /graphiql/assets/"))).toEqual([]);
    // No error in the console, a missing /favicon.ico included.
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
