/**
 * npm run bench [-- --articles 100000] [--rounds 3] [--seconds 5] [--connections 10] [--databases sqlite,postgresql] [--only editing]
 *
 * Builds dist/, then for each database: a fresh database with the demo content (plus generated
 * articles with --articles), Lantern (as `npm run start:production` runs it) and a raw-SQL
 * baseline on free loopback ports. The baseline must answer the same JSON. Then rounds in which
 * every scenario runs once on every server, interleaved, so that what else the machine does falls
 * on all of them alike. Prints, per scenario, req/s (min/median/max over the rounds), the server's
 * CPU time per request (steadier than req/s on a shared machine), p50 latency, SQL statements per
 * request, the Lantern ÷ baseline ratios, and the server's memory. `--only editing` runs only
 * "article page and archives while an editor saves every second", uncached and cached.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { BENCH_QUERIES } from "./bench/queries.ts";
import { createPrismaClient } from "../src/db/client.ts";
import { generateArticles } from "./bench/large-site.ts";
import { productionCommand } from "../tests/support/server-process.ts";
import { freePort, spawnProcess, waitUntilReady } from "../tests/support/processes.ts";
import { graphqlPost, postGraphql } from "../tests/support/graphql-client.ts";
import { startVarnish, varnishInstalled } from "../tests/support/varnish.ts";
import { archivesWhileEditing, mixedLoad } from "./bench/mixed-load.ts";
import { startStaticServer } from "./bench/static-server.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run bench [-- --articles 100000] [--rounds 3] [--seconds 5] [--connections 10] [--databases sqlite,postgresql] [--only editing]

Builds dist/ and compares Lantern with a raw-SQL baseline on each database (see docs/performance.md).`);

const { values: options } = parseArgs({
  options: {
    articles: { type: "string", default: "0" },
    rounds: { type: "string", default: process.env.BENCH_ROUNDS ?? "3" },
    seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "5" },
    connections: { type: "string", default: process.env.BENCH_CONNECTIONS ?? "10" },
    databases: { type: "string", default: "sqlite,postgresql" },
    "postgres-url": { type: "string", default: process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    "redis-url": { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    only: { type: "string" },
  },
});
const METRICS_TOKEN = "bench-metrics-token";
const ARTICLES = Number(options.articles);
const ROUNDS = Number(options.rounds);
const SECONDS = Number(options.seconds);
const CONNECTIONS = Number(options.connections);
if (options.only !== undefined && options.only !== "editing") throw new Error(`--only: "editing" is the one scenario that runs alone, not "${options.only}"`);
const ONLY_EDITING = options.only === "editing";

/** CPU seconds (user + system) a process has used, and its resident memory in MiB. */
function processStats(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const mib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { cpuSeconds: ticks / 100, rssMiB: mib("VmRSS"), peakMiB: mib("VmHWM") };
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

/** Lantern runs as `npm run start:production` does: the build, with its flags; the baseline through tsx. */
const LANTERN = productionCommand();
const BASELINE = ["--import", "tsx", "scripts/bench/baseline-server.ts"];

async function startServer(name: string, nodeArguments: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const spawned = spawnProcess(process.execPath, nodeArguments, {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn", METRICS_TOKEN },
    echoOutput: true,
  });
  const answers = () => fetch(`http://127.0.0.1:${port}/graphql`, graphqlPost("")).then(() => true, () => false);
  await waitUntilReady(spawned, answers, { what: name, timeoutMs: 60_000, everyMs: 100 });
  return { name, port, child: spawned.child };
}

async function post<Data = unknown>(port: number, query: string, variables?: Record<string, unknown>) {
  return (await postGraphql<Data>(`http://127.0.0.1:${port}`, query, variables)).body;
}

async function sqlStatementsTotal(port: number): Promise<number> {
  const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await metrics.text();
  return Number(/^lantern_sql_statements_total (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  baseline?: boolean;
  /** Also run against Lantern with its response cache (every request after the first a hit). */
  cached?: boolean;
}

/** The cursor of a category archive's 200th page of 10 (or its last page on a small site), found by walking it. */
async function archivePageCursor(port: number, categorySlug: string, page: number): Promise<string | null> {
  let after: string | null = null;
  for (let n = 1; n < page; n++) {
    type Archive = { articles: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const { data }: { data?: Archive } = await post<Archive>(port, BENCH_QUERIES["category archive"], { categorySlug, after });
    if (!data?.articles.pageInfo.hasNextPage) break;
    after = data.articles.pageInfo.endCursor;
  }
  return after;
}

async function measure(server: Server, scenario: Scenario) {
  // Requests of the previous run may still be queued in the server (slow ones outlast autocannon):
  // wait until it answers at once again, so they are not charged to this run.
  await fetch(`http://127.0.0.1:${server.port}/health`);
  const before = processStats(server.child.pid!);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const after = processStats(server.child.pid!);
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${server.name} ${scenario.name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    cpuMsPerRequest: ((after.cpuSeconds - before.cpuSeconds) * 1000) / result.requests.total,
  };
}

/** GETs of the persisted article page answered by Varnish (hits) against the same bytes from a static server. */
async function varnishAgainstStatic(lanternPort: number) {
  const documents = JSON.parse(readFileSync("persisted-operations.json", "utf8")) as Record<string, string>;
  const hash = Object.entries(documents).find(([, text]) => text.startsWith("query ArticlePage"))![0];
  const path = `/graphql?documentId=sha256:${hash}`;
  const varnish = await startVarnish([lanternPort]);
  const varnishPort = varnish.port;
  const staticPort = await freePort();
  const first = await fetch(`${varnish.url}${path}`, { headers: { "x-graphql-csrf": "1" } });
  const body = Buffer.from(await first.arrayBuffer());
  const staticServer = await startStaticServer(staticPort, body, first.headers.get("content-type")!);
  try {
    const run = async (port: number) => {
      const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, headers: { "x-graphql-csrf": "1" }, connections: CONNECTIONS, duration: SECONDS });
      if (result.errors > 0 || result.non2xx > 0) throw new Error(`GET on ${port}: ${result.errors} errors, ${result.non2xx} non-2xx`);
      return result;
    };
    await run(varnishPort); // warm-up
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [throughVarnish, fromStatic] = [await run(varnishPort), await run(staticPort)];
      rates.push(throughVarnish.requests.average / fromStatic.requests.average);
      console.log(`article page GET: Varnish hit ${throughVarnish.requests.average.toFixed(0)} req/s (p99 ${throughVarnish.latency.p99} ms), static bytes ${fromStatic.requests.average.toFixed(0)} req/s (p99 ${fromStatic.latency.p99} ms)`);
    }
    console.log(`article page GET, Varnish hit ÷ static-bytes server: ${spread(rates, 2)}`);
  } finally {
    varnish.child.kill("SIGTERM");
    staticServer.close();
  }
}

async function fetchRedisMemory(url: string): Promise<string | undefined> {
  const { connectRedis } = await import("../src/platform/redis.ts");
  const redis = connectRedis(url, { purpose: "benchmark memory report" });
  try {
    await redis.connect();
    return /used_memory_human:(\S+)/.exec(await redis.info("memory"))?.[1];
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[], digits = 0) =>
  `${Math.min(...values).toFixed(digits)} / ${median(values).toFixed(digits)} / ${Math.max(...values).toFixed(digits)}`;

async function prepareDatabase(provider: string, suffix = ""): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "lantern-bench-"));
    return { url: `file:${join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `lantern_bench_${process.pid}${suffix && `_${suffix}`}`;
  const admin = createPrismaClient(options["postgres-url"]);
  await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(options["postgres-url"]);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.$disconnect();
    },
  };
}

const UNDER_EDITS = "article page and archives while an editor saves every second";

/** Rounds of reads while editing on the uncached server and on both cached ones, interleaved; prints each and the ratios. */
async function cacheUnderEdits(servers: { uncached: Server; inMemory: Server; inRedis: Server }, databaseOf: (server: Server) => string) {
  type Run = Awaited<ReturnType<typeof archivesWhileEditing>> & { cpuMsPerRequest: number };
  const runs = new Map<Server, Run[]>();
  const run = async (server: Server): Promise<Run> => {
    const before = processStats(server.child.pid!);
    const result = await archivesWhileEditing({ port: server.port, databaseUrl: databaseOf(server), metricsToken: METRICS_TOKEN, seconds: SECONDS, connections: CONNECTIONS });
    const after = processStats(server.child.pid!);
    return { ...result, cpuMsPerRequest: ((after.cpuSeconds - before.cpuSeconds) * 1000) / result.total };
  };
  const all = [servers.uncached, servers.inMemory, servers.inRedis];
  for (const server of all) await run(server); // warm-up, discarded
  for (let round = 0; round < ROUNDS; round++) for (const server of all) runs.set(server, [...(runs.get(server) ?? []), await run(server)]);
  for (const server of all) {
    const results = runs.get(server)!;
    console.log(
      `${server.name}, ${UNDER_EDITS}: req/s ${spread(results.map((r) => r.rps))}, CPU ms/request ${median(results.map((r) => r.cpuMsPerRequest)).toFixed(2)}, ` +
        `p99 ${median(results.map((r) => r.p99))} ms, hit ratio ${spread(results.map((r) => r.hitRatio * 100), 1)}%, ${median(results.map((r) => r.writes))} saves`,
    );
  }
  const uncached = runs.get(servers.uncached)!;
  for (const [where, server] of [["in memory", servers.inMemory], ["in Redis", servers.inRedis]] as const) {
    const hits = runs.get(server)!;
    console.log(
      `${UNDER_EDITS}, cached (${where}) ÷ uncached: req/s ${spread(hits.map((r, i) => r.rps / uncached[i]!.rps), 1)}; CPU per request ${spread(hits.map((r, i) => uncached[i]!.cpuMsPerRequest / r.cpuMsPerRequest), 1)}`,
    );
  }
}

async function benchDatabase(provider: string) {
  const database = await prepareDatabase(provider);
  // "lantern" renders every request; the cached servers answer from the response cache.
  const env = { ...process.env, DATABASE_URL: database.url, RESPONSE_CACHE_MAX_AGE: "0", REDIS_URL: "" };
  const servers: Server[] = [];
  const extraDatabases: Awaited<ReturnType<typeof prepareDatabase>>[] = [];
  const databaseOf = new Map<Server, string>();
  try {
    // Lantern migrates and seeds the new database on start; generated articles come after.
    let lantern = await startServer("lantern", LANTERN, env);
    servers.push(lantern);
    if (ARTICLES > 0) {
      const client = createPrismaClient(database.url);
      await generateArticles(client, ARTICLES);
      await client.$disconnect();
      // A fresh process, so nothing the first one cached or compiled counts.
      lantern.child.kill("SIGTERM");
      await new Promise((resolve) => lantern.child.once("exit", resolve));
      servers.length = 0;
      lantern = await startServer("lantern", LANTERN, env);
      servers.push(lantern);
    }
    const baseline = ONLY_EDITING ? undefined : await startServer("baseline", BASELINE, env);
    if (baseline) servers.push(baseline);
    // Databases of their own (the same demo content): a second instance migrating a SQLite file
    // another one has open times out.
    const cachedServer = async (name: string, settings: Record<string, string>) => {
      const own = await prepareDatabase(provider, name.replace(/\W+/g, "_"));
      extraDatabases.push(own);
      const server = await startServer(name, LANTERN, { ...env, DATABASE_URL: own.url, RESPONSE_CACHE_MAX_AGE: "300", ...settings });
      servers.push(server);
      databaseOf.set(server, own.url);
      return server;
    };
    const inMemory = await cachedServer("lantern cached in memory", {});
    const inRedis = await cachedServer("lantern cached in Redis", { REDIS_URL: options["redis-url"], REDIS_PREFIX: `lantern-bench-${process.pid}:` });

    if (!baseline) {
      console.log(`\n${provider}, ${ARTICLES > 0 ? `demo site + ${ARTICLES} articles` : "demo site"}: ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, loopback`);
      await cacheUnderEdits({ uncached: lantern, inMemory, inRedis }, (server) => databaseOf.get(server) ?? database.url);
      return;
    }
    const categorySlug = "psychotherapy";
    const scenarios: Scenario[] = [
      { name: "article page", query: BENCH_QUERIES["article page"], baseline: true, cached: true },
      { name: "50 articles", query: BENCH_QUERIES["50 articles"], baseline: true, cached: true },
      { name: "sidebar", query: BENCH_QUERIES.sidebar },
      { name: "category archive, page 1", query: BENCH_QUERIES["category archive"], variables: { categorySlug, after: null } },
      {
        name: "category archive, page 200",
        query: BENCH_QUERIES["category archive"],
        variables: { categorySlug, after: await archivePageCursor(lantern.port, categorySlug, 200) },
      },
      { name: "category totalCount", query: BENCH_QUERIES["category total"], variables: { categorySlug } },
    ];
    for (const scenario of scenarios.filter((s) => s.baseline)) {
      const [ours, theirs] = await Promise.all([post(lantern.port, scenario.query), post(baseline.port, scenario.query)]);
      if (ours.errors || !isDeepStrictEqual(ours, theirs)) throw new Error(`The baseline does not answer the same JSON as Lantern for the ${scenario.name}`);
    }

    const statements = new Map<string, number>();
    for (const scenario of scenarios) {
      const before = await sqlStatementsTotal(lantern.port);
      const { errors } = await post(lantern.port, scenario.query, scenario.variables);
      if (errors) throw new Error(`${scenario.name}: ${JSON.stringify(errors)}`);
      statements.set(scenario.name, (await sqlStatementsTotal(lantern.port)) - before);
    }

    const idleMiB = processStats(lantern.child.pid!).rssMiB;
    const runs = new Map<string, Awaited<ReturnType<typeof measure>>[]>();
    const pairs = scenarios.flatMap((scenario) => [
      [lantern, scenario] as const,
      ...(scenario.baseline ? [[baseline, scenario] as const] : []),
      ...(scenario.cached ? [[inMemory, scenario] as const, [inRedis, scenario] as const] : []),
    ]);
    for (const [server, scenario] of pairs) await measure(server, { ...scenario }); // warm-up, discarded
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [server, scenario] of pairs) {
        const key = `${server.name}: ${scenario.name}`;
        runs.set(key, [...(runs.get(key) ?? []), await measure(server, scenario)]);
      }
      process.stderr.write(`${provider}: round ${round} of ${ROUNDS} done\n`);
    }

    const table: Record<string, Record<string, string | number>> = {};
    for (const [key, results] of runs) {
      const scenario = key.slice(key.indexOf(": ") + 2);
      table[key] = {
        "req/s min / median / max": spread(results.map((r) => r.rps)),
        "CPU ms/request (median)": median(results.map((r) => r.cpuMsPerRequest)).toFixed(2),
        "p50 ms (median)": median(results.map((r) => r.p50)),
        "SQL/request": key.startsWith("lantern") ? (statements.get(scenario) ?? "") : "",
      };
    }
    const stats = processStats(lantern.child.pid!);
    console.log(`\n${provider}, ${ARTICLES > 0 ? `demo site + ${ARTICLES} articles` : "demo site"}: ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, loopback`);
    console.table(table);
    for (const name of scenarios.filter((s) => s.baseline).map((s) => s.name)) {
      const ours = runs.get(`lantern: ${name}`)!;
      const theirs = runs.get(`baseline: ${name}`)!;
      const rate = ours.map((r, i) => r.rps / theirs[i]!.rps);
      const cpu = ours.map((r, i) => theirs[i]!.cpuMsPerRequest / r.cpuMsPerRequest);
      console.log(`${name}, Lantern ÷ raw-SQL baseline: req/s ${spread(rate, 3)} (min / median / max of rounds); CPU per request ${spread(cpu, 3)}`);
    }
    for (const name of scenarios.filter((s) => s.cached).map((s) => s.name)) {
      const uncached = runs.get(`lantern: ${name}`)!;
      for (const where of ["in memory", "in Redis"]) {
        const hits = runs.get(`lantern cached ${where}: ${name}`)!;
        console.log(`${name}, cache hit (${where}) ÷ uncached: req/s ${spread(hits.map((r, i) => r.rps / uncached[i]!.rps), 1)}; CPU per request ${spread(hits.map((r, i) => uncached[i]!.cpuMsPerRequest / r.cpuMsPerRequest), 1)}`);
      }
    }
    for (const server of [inMemory, inRedis]) {
      const mixed = await mixedLoad(server.port, databaseOf.get(server)!, METRICS_TOKEN, SECONDS, CONNECTIONS);
      console.log(
        `${server.name}, mixed reads with ${mixed.writes} editor writes (1 a second): ${mixed.rps.toFixed(0)} req/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, hit ratio ${(mixed.hitRatio * 100).toFixed(1)}%`,
      );
    }
    await cacheUnderEdits({ uncached: lantern, inMemory, inRedis }, (server) => databaseOf.get(server) ?? database.url);
    if (varnishInstalled()) await varnishAgainstStatic(inMemory.port);
    else console.log("Varnish is not installed (apt-get install -y varnish varnish-modules): no Varnish figures");
    for (const server of [inMemory, inRedis]) console.log(`${server.name} memory: ${processStats(server.child.pid!).rssMiB.toFixed(0)} MiB`);
    const redisInfo = await fetchRedisMemory(options["redis-url"]);
    if (redisInfo) console.log(`Redis memory: ${redisInfo}`);
    console.log(`Lantern memory: ${idleMiB.toFixed(0)} MiB before load, ${stats.rssMiB.toFixed(0)} MiB after, peak ${stats.peakMiB.toFixed(0)} MiB`);
  } finally {
    for (const server of servers) server.child.kill("SIGTERM");
    await Promise.all(servers.filter((server) => server.child.exitCode === null).map((server) => new Promise((resolve) => server.child.once("exit", resolve))));
    await database.drop();
    for (const extra of extraDatabases) await extra.drop();
  }
}

execFileSync("npm", ["run", "build"], { stdio: "inherit" });
for (const provider of options.databases.split(",")) await benchDatabase(provider.trim());
