import { request, Agent, createServer, type IncomingMessage } from "node:http";
import { renameSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { startServerProcess } from "../support/server-process.ts";
import { fetchYoga, LEAKS } from "../support/graphql.ts";
import { createLanternYoga } from "../../src/app/yoga.ts";
import { config } from "../../src/platform/settings.ts";
import { drainServer, trackConnections } from "../../src/platform/shutdown.ts";
import { sqliteFilePath } from "../../src/db/client.ts";
import { onPostgres } from "../support/database.ts";

const PAGE_QUERY = `{ site { title } article(slug: "the-therapeutic-relationship") { title uri author { displayName } } featured(slot: "sidebar") { title } }`;

interface Answer {
  status: number;
  body: string;
}

/** Posts a GraphQL query; `sent` resolves once the whole request is on the wire. */
function post(url: string, agent: Agent, query: string) {
  let sent!: () => void;
  const onWire = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res: IncomingMessage) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ query }), sent);
  });
  return { onWire, answer };
}

// A SQLite file moved away while serving; the drain itself does not depend on the database.
describe.skipIf(onPostgres)("the real server process", () => {
  it("reports a moved database, recovers, then drains 100 in-flight requests on SIGTERM and exits 0", async () => {
    const server = await startServerProcess({ templateDatabase: sqliteFilePath(inject("templateDatabaseUrl")) });
    try {
      // The database file moved away while serving, then back.
      renameSync(server.databaseFile, `${server.databaseFile}.moved`);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      const failing = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ site { title } }" }),
      });
      expect(failing.status).toBe(503);
      const failingText = await failing.text();
      expect(JSON.parse(failingText).errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(failingText).not.toMatch(LEAKS);
      renameSync(`${server.databaseFile}.moved`, server.databaseFile);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);

      // 100 requests on keep-alive connections, SIGTERM once all are sent.
      const agent = new Agent({ keepAlive: true, maxSockets: 100 });
      const requests = Array.from({ length: 100 }, () => post(server.url, agent, PAGE_QUERY));
      await Promise.all(requests.map((r) => r.onWire));
      const signalled = performance.now();
      server.child.kill("SIGTERM");

      const answers = await Promise.all(requests.map((r) => r.answer));
      expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
      for (const answer of answers) expect(JSON.parse(answer.body).data.article.title).toBe("The Therapeutic Relationship");

      const { code, at } = await server.exited;
      expect(code, server.output()).toBe(0);
      const drainMs = at - signalled;
      expect(drainMs).toBeLessThan(10_000);
      console.log(`SIGTERM with 100 requests in flight: all answered, exited 0 after ${Math.round(drainMs)} ms`);
      agent.destroy();
    } finally {
      server.child.kill("SIGKILL");
    }
  }, 60_000);
});

describe("draining", () => {
  it("answers /ready with 503 and lets a request that is still arriving finish", async () => {
    const yoga = createLanternYoga(config());
    const httpServer = createServer((req, res) => void yoga(req, res));
    trackConnections(httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const { port } = httpServer.address() as { port: number };

    const req = request({ port, host: "127.0.0.1", path: "/graphql", method: "POST", headers: { "content-type": "application/json" } });
    const answer = new Promise<Answer>((resolve) =>
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      }),
    );
    const body = JSON.stringify({ query: "{ site { title } }" });
    req.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const drained = drainServer(httpServer, 5000, async () => undefined);
    const ready = await fetchYoga("/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "draining" });

    req.end(body.slice(10));
    expect(await answer).toEqual({ status: 200, body: JSON.stringify({ data: { site: { title: "Anxiety Relief Project" } } }) });
    expect(await drained).toBe("drained");
  });
});
