/**
 * npm run bench: serves the demo data and measures, 10 s each with autocannon on loopback,
 * Lantern's article page, sidebar and 50-article list, and a hand-written raw-SQL baseline of
 * the article page. Prints req/s, p50/p99 latency, SQL statements per request and the ratio.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { BENCH_QUERIES } from "./bench/queries.ts";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LANTERN_PORT = 4501;
const BASELINE_PORT = 4502;

const workdir = mkdtempSync(join(tmpdir(), "lantern-bench-"));
const env = {
  ...process.env,
  DATABASE_URL: `file:${join(workdir, "bench.db")}`,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  METRICS_TOKEN: "bench-metrics-token",
};

function start(script: string, port: number, ready: (child: ChildProcess) => Promise<void>): Promise<ChildProcess> {
  const child = fork(script, [], { env: { ...env, PORT: String(port), HOST: "127.0.0.1" }, execArgv: ["--import", "tsx"], stdio: "inherit" });
  return ready(child).then(() => child);
}

async function waitForHttp(url: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

async function post(port: number, query: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return response.json() as Promise<{ data?: unknown; errors?: unknown }>;
}

async function sqlStatementsTotal(): Promise<number> {
  const metrics = await fetch(`http://127.0.0.1:${LANTERN_PORT}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } });
  const text = await metrics.text();
  return Number(/^lantern_sql_statements_total (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

async function statementsPerRequest(query: string) {
  const before = await sqlStatementsTotal();
  await post(LANTERN_PORT, query);
  return (await sqlStatementsTotal()) - before;
}

async function load(port: number, query: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const lantern = await start("scripts/start.ts", LANTERN_PORT, () => waitForHttp(`http://127.0.0.1:${LANTERN_PORT}/metrics`));
const baseline = await start("scripts/bench/baseline-server.ts", BASELINE_PORT, (child) => new Promise((resolve) => child.once("message", () => resolve())));

try {
  const page = BENCH_QUERIES["article page"];
  const [fromLantern, fromBaseline] = await Promise.all([post(LANTERN_PORT, page), post(BASELINE_PORT, page)]);
  if (!isDeepStrictEqual(fromLantern, fromBaseline)) throw new Error("The baseline does not answer the same JSON as Lantern");

  const rows: Record<string, { rps: number; p50: number; p99: number; sql: number | string }> = {};
  for (const [name, query] of Object.entries(BENCH_QUERIES)) {
    await load(LANTERN_PORT, query); // warm-up run, discarded
    rows[`lantern: ${name}`] = { ...(await load(LANTERN_PORT, query)), sql: await statementsPerRequest(query) };
  }
  await load(BASELINE_PORT, page);
  rows["baseline: article page (raw SQL)"] = { ...(await load(BASELINE_PORT, page)), sql: 8 };

  console.log(`\n${DURATION_SECONDS} s each, ${CONNECTIONS} connections, loopback\n`);
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([name, r]) => [name, { "req/s": Math.round(r.rps), "p50 ms": r.p50, "p99 ms": r.p99, "SQL/request": r.sql }]),
    ),
  );
  const ratio = rows["lantern: article page"]!.rps / rows["baseline: article page (raw SQL)"]!.rps;
  console.log(`article page, Lantern ÷ raw-SQL baseline: ${ratio.toFixed(3)}`);
} finally {
  lantern.kill("SIGTERM");
  baseline.kill("SIGTERM");
  rmSync(workdir, { recursive: true, force: true });
}
