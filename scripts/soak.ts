// Mixed load against the production build (as `npm run start:production` runs it) on loopback
// for SOAK_SECONDS (default 180): reads, abusive documents (their rejections are expected) and
// editor writes (create, publish, edit). Reports errors, non-2xx answers, p99 latency, the
// server's RSS (sampled with ps) and its live heap after a full garbage collection (through its
// inspector) after warm-up and at the end. Exits 1 on any unexpected answer or on the live heap
// growing > 10%.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import autocannon from "autocannon";
import { ARTICLE_PAGE_QUERY } from "../src/http/graphiql/example-queries.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";
import { productionCommand, startServerProcess } from "../tests/support/server-process.ts";
import { graphqlPost } from "../tests/support/graphql-client.ts";
import { debuggerUrlIn, liveHeapMiB } from "./soak/live-heap.ts";
import { createPrismaClient } from "../src/db/client.ts";
import { createApiToken } from "../src/auth/tokens.ts";
import { answerHelp } from "../src/app/command-line.ts";

answerHelp(`usage: npm run soak   (SOAK_SECONDS=180)

Mixed load against the production build; exits 1 on any unexpected answer or on the live heap growing > 10%.`);

const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const WARM_UP_SECONDS = Math.max(10, Math.round(SECONDS * 0.2));
const MAX_MEMORY_GROWTH = 0.1;

type Expectation = "success" | "rejection";
interface SoakRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: SoakRequest, context: Record<string, unknown>) => SoakRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface Scenario {
  name: string;
  connections: number;
  expect: Expectation;
  requests: SoakRequest[];
  /** The server answers and closes the connection without reading the rest: closed sockets are its refusal. */
  closesConnection?: boolean;
}

const registry = loadTrustedDocuments();
const hashOf = (name: string) => [...registry].find(([, document]) => document.startsWith(`query ${name}`))![0];
const json = { "content-type": "application/json" };
const post = (query: string, variables?: Record<string, unknown>) => ({ path: "/graphql", ...graphqlPost(query, variables) });

const READS: Scenario = {
  name: "reads",
  connections: 4,
  expect: "success",
  requests: [
    post(ARTICLE_PAGE_QUERY),
    {
      method: "GET",
      path: `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf("FeaturedArticle") } }))}`,
      headers: { "x-graphql-csrf": "1" },
    },
    { method: "POST", path: "/graphql", headers: json, body: JSON.stringify({ documentId: hashOf("CategoryArchive"), variables: { category: "psychotherapy" } }) },
    post("query ($after: String) { articles(first: 20, after: $after) { totalCount pageInfo { endCursor } nodes { title uri author { displayName } } } }"),
    post(`{ categories(first: 100) { nodes { name uri articleCount } } authors(first: 10) { nodes { displayName } } }`),
    post(`query ($uri: String!) { resolveUri(uri: $uri) { __typename ... on Category { name } } }`, { uri: "/category/psychotherapy/" }),
  ],
};

const ABUSE: Scenario = {
  name: "abusive documents",
  connections: 1,
  expect: "rejection",
  requests: [
    post(`{ category(slug: "psychotherapy") ${"{ parent ".repeat(30)}{ slug }${" }".repeat(30)} }`),
    post(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: site { title }`).join(" ")} }`),
    post(`{ articles(first: 100) { nodes { author { articles(first: 100) { nodes { id } } } } } }`),
    post(`{ nodes(ids: [${Array(1500).fill('"x"').join(",")}]) { id } }`),
    { method: "POST", path: "/graphql", headers: json, body: JSON.stringify(Array(20).fill({ query: "{ site { title } }" })) },
    post("{ __schema { types { name } } }"),
    { method: "GET", path: "/graphql?query=%7B%20site%20%7B%20title%20%7D%20%7D" },
  ],
};

/** Bodies over MAX_BODY_BYTES: answered 413 before they are read, and the connection closed. */
const OVERSIZED: Scenario = {
  name: "oversized bodies",
  connections: 1,
  expect: "rejection",
  closesConnection: true,
  requests: [post("{ site { title } }", { padding: "x".repeat(200_000) })],
};

const CREATE_ARTICLE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } } }`;
const PUBLISH_ARTICLE = `mutation ($id: ID!) { publishArticle(id: $id) { article { id status } } }`;
const UPDATE_ARTICLE = `mutation ($id: ID!, $version: Int!) {
  updateArticle(id: $id, input: { excerpt: "Edited during the soak test." }, expectedVersion: $version) { article { version } }
}`;

/** An editor creating, publishing and editing articles through the mutations, one after another. */
function editorWrites(token: string, authorId: string, categoryId: string): Scenario {
  const headers = { ...json, authorization: `Bearer ${token}` };
  let created = 0;
  const idOf = (body: string, field: string) => (JSON.parse(body) as { data?: Record<string, { article: { id: string; version: number } }> }).data?.[field]?.article;
  return {
    name: "editor writes",
    connections: 1,
    expect: "success",
    requests: [
      {
        method: "POST",
        path: "/graphql",
        headers,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            query: CREATE_ARTICLE,
            variables: { input: { title: `Soak article ${++created}`, body: `<p>Written by the soak test, number ${created}.</p>`, authorId, categoryIds: [categoryId] } },
          }),
        }),
        onResponse: (_status, body, context) => {
          context.article = idOf(body, "createArticle");
        },
      },
      {
        method: "POST",
        path: "/graphql",
        headers,
        setupRequest: (request, context) => ({
          ...request,
          body: JSON.stringify({ query: PUBLISH_ARTICLE, variables: { id: (context.article as { id: string }).id } }),
        }),
      },
      {
        method: "POST",
        path: "/graphql",
        headers,
        setupRequest: (request, context) => {
          const article = context.article as { id: string; version: number };
          // Publishing raised the version by one.
          return { ...request, body: JSON.stringify({ query: UPDATE_ARTICLE, variables: { id: article.id, version: article.version + 1 } }) };
        },
      },
    ],
  };
}


function classify(expectation: Expectation, status: number, body: string): "expected" | "unexpected" {
  if (status >= 500) return "unexpected";
  type Result = { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  let parsed: Result | Result[] | undefined;
  try {
    parsed = JSON.parse(body) as Result | Result[];
  } catch {
    parsed = undefined;
  }
  const errors = Array.isArray(parsed) ? parsed.flatMap((result) => result?.errors ?? []) : (parsed?.errors ?? []);
  if (expectation === "success") return status === 200 && parsed && errors.length === 0 ? "expected" : "unexpected";
  const coded = errors.length > 0 && errors.every((error) => typeof error.extensions?.code === "string");
  return status >= 400 || coded ? "expected" : "unexpected";
}

/** An editor token in the soak database, and an author and category for new articles. */
async function prepareEditorWrites(url: string, databaseFile: string): Promise<Scenario> {
  const prisma = createPrismaClient(`file:${databaseFile}`);
  const { token } = await createApiToken(prisma, { name: "Soak editor", role: "editor" });
  await prisma.$disconnect();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ query: "{ authors(first: 1) { nodes { id } } categories(first: 1) { nodes { id } } }" }),
  });
  const { data } = (await response.json()) as { data: { authors: { nodes: { id: string }[] }; categories: { nodes: { id: string }[] } } };
  return editorWrites(token, data.authors.nodes[0]!.id, data.categories.nodes[0]!.id);
}

async function main() {
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  // The response cache is kept small, so that it filling up to its bound neither hides nor fakes a
  // leak (its bound is tested in tests/response-store-memory.test.ts).
  const server = await startServerProcess({
    env: { NODE_ENV: "production", RESPONSE_CACHE_MEMORY_MB: "2" },
    echoOutput: true,
    nodeArguments: ["--inspect=127.0.0.1:0", ...productionCommand()],
  });
  const { url } = server;
  const pid = server.child.pid!;
  const debuggerUrl = debuggerUrlIn(server.output());
  try {
    const SCENARIOS = [READS, ABUSE, OVERSIZED, await prepareEditorWrites(url, server.databaseFile)];
    console.log(`soak: ${SECONDS} s against ${url} (server pid ${pid}), warm-up ${WARM_UP_SECONDS} s`);

    const memory: { at: number; rssKb: number }[] = [];
    const started = performance.now();
    const liveAfterWarmUp = new Promise<number>((resolve, reject) =>
      setTimeout(() => {
        liveHeapMiB(debuggerUrl).then(resolve, reject);
      }, WARM_UP_SECONDS * 1000),
    );
    const sampler = setInterval(() => {
      const rss = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
      memory.push({ at: (performance.now() - started) / 1000, rssKb: rss });
    }, 2000);

    const outcomes = new Map<string, { expected: number; unexpected: number; samples: string[] }>();
    const runs = SCENARIOS.map((scenario) => {
      const outcome = { expected: 0, unexpected: 0, samples: [] as string[] };
      outcomes.set(scenario.name, outcome);
      return autocannon({
        url,
        connections: scenario.connections,
        duration: SECONDS,
        title: scenario.name,
        requests: scenario.requests.map((request): autocannon.Request => ({
          ...(request as autocannon.Request),
          onResponse: (status: number, body: string, context: object) => {
            request.onResponse?.(status, body, context as Record<string, unknown>);
            const verdict = classify(scenario.expect, status, body);
            outcome[verdict]++;
            if (verdict === "unexpected" && outcome.samples.length < 5) outcome.samples.push(`${status} ${body.slice(0, 200)}`);
          },
        })),
      });
    });
    const results = await Promise.all(runs);
    clearInterval(sampler);
    const liveAtEnd = await liveHeapMiB(debuggerUrl);

    let failed = false;
    for (const [index, result] of results.entries()) {
      const scenario = SCENARIOS[index]!;
      const outcome = outcomes.get(scenario.name)!;
      console.log(
        `${scenario.name}: ${result.requests.total} requests (${Math.round(result.requests.average)}/s), ` +
          `2xx ${result["2xx"]}, non-2xx ${result.non2xx}, connection errors ${result.errors}, timeouts ${result.timeouts}, ` +
          `${scenario.expect === "rejection" ? "expected rejections" : "good answers"} ${outcome.expected}, unexpected ${outcome.unexpected}, ` +
          `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      );
      for (const sample of outcome.samples) console.log(`  unexpected: ${sample}`);
      if (outcome.unexpected > 0 || outcome.expected === 0 || (result.errors > 0 && !scenario.closesConnection) || result.timeouts > 0) failed = true;
    }

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const afterWarmUp = median(memory.filter((s) => s.at >= WARM_UP_SECONDS && s.at < WARM_UP_SECONDS + 15).map((s) => s.rssKb));
    const atEnd = median(memory.slice(-5).map((s) => s.rssKb));
    console.log(
      `memory (RSS): ${Math.round(afterWarmUp / 1024)} MiB after warm-up, ${Math.round(atEnd / 1024)} MiB at the end ` +
        `(peak ${Math.round(Math.max(...memory.map((s) => s.rssKb)) / 1024)} MiB, ${memory.length} samples)`,
    );
    const live = { afterWarmUp: await liveAfterWarmUp, atEnd: liveAtEnd };
    const growth = (live.atEnd - live.afterWarmUp) / live.afterWarmUp;
    console.log(
      `live heap (after a full garbage collection): ${live.afterWarmUp.toFixed(1)} MiB after warm-up, ` +
        `${live.atEnd.toFixed(1)} MiB at the end (${(growth * 100).toFixed(1)}%)`,
    );
    if (!(growth <= MAX_MEMORY_GROWTH)) failed = true;

    const signalled = performance.now();
    server.child.kill("SIGTERM");
    const { code } = await server.exited;
    console.log(`shutdown: exit code ${code} after ${Math.round(performance.now() - signalled)} ms`);
    if (code !== 0) failed = true;
    console.log(failed ? "soak: FAILED" : "soak: passed");
    process.exitCode = failed ? 1 : 0;
  } finally {
    server.child.kill("SIGKILL");
    rmSync(dirname(server.databaseFile), { recursive: true, force: true });
  }
}

await main();
