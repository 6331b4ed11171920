import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { Redis } from "ioredis";
import { createPrismaClient } from "../../src/db/client.ts";
import { createApiToken } from "../../src/auth/tokens.ts";
import { loadTrustedDocuments } from "../../src/graphql/safety/trusted-documents.ts";
import { startServerProcess, type ServerProcess } from "../support/server-process.ts";
import { freePort } from "../support/processes.ts";
import { graphqlData } from "../support/graphql-client.ts";
import { startVarnish, type Varnish } from "../support/varnish.ts";

const POSTGRES = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const run = randomUUID().slice(0, 8);
const database = `lantern_cdn_${run}`;
const databaseUrl = POSTGRES.replace(/\/[^/]*$/, `/${database}`);
const prefix = `lantern-cdn-${run}:`;
const METRICS_TOKEN = `metrics-${randomUUID()}`;

let varnish: Varnish;
let varnishUrl: string;
let a: ServerProcess;
let b: ServerProcess;
let editor: Record<string, string>;

const hashOf = (name: string) => [...loadTrustedDocuments().entries()].find(([, text]) => text.includes(`query ${name}(`))![0];

function persisted(base: string, name: string, variables: object = {}) {
  return `${base}/graphql?documentId=sha256:${hashOf(name)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
}

function getQuery(base: string, query: string) {
  return fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, { headers: { "x-graphql-csrf": "1" } });
}

const post = (base: string, query: string, variables?: object) => graphqlData(base, query, variables, editor);

/** GraphQL requests that reached a Lantern instance (its response cache counts every one). */
async function requestsAt(server: ServerProcess): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return [...text.matchAll(/^lantern_response_cache_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

const reachedLantern = async () => (await requestsAt(a)) + (await requestsAt(b));

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const varnishPort = await freePort();
  varnishUrl = `http://127.0.0.1:${varnishPort}`;
  const env = {
    DATABASE_URL: databaseUrl, NODE_ENV: "production", REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: prefix,
    CDN_PURGE_URL: `${varnishUrl}/`, METRICS_TOKEN, RESPONSE_CACHE_MAX_AGE: "300",
  };
  a = await startServerProcess({ env });
  b = await startServerProcess({ env });

  varnish = await startVarnish([Number(new URL(a.url).port), Number(new URL(b.url).port)], varnishPort);

  const prisma = createPrismaClient(databaseUrl);
  editor = { authorization: `Bearer ${(await createApiToken(prisma, { name: "CDN test", role: "editor" })).token}` };
  await prisma.$disconnect();
}, 120_000);

afterAll(async () => {
  varnish?.child.kill("SIGTERM");
  a?.child.kill("SIGTERM");
  b?.child.kill("SIGTERM");
  await Promise.all([a?.exited, b?.exited]);
  const redis = new Redis("redis://127.0.0.1:6379");
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
});

describe("Varnish (xkey) in front of two instances sharing PostgreSQL and Redis", () => {
  it("serves a cached answer without reaching Lantern", async () => {
    const url = persisted(varnishUrl, "ArticlePage");
    const first = await fetch(url, { headers: { "x-graphql-csrf": "1" } });
    expect(first.status).toBe(200);
    const body = await first.text();
    const before = await reachedLantern();
    for (let i = 0; i < 5; i++) {
      const again = await fetch(url, { headers: { "x-graphql-csrf": "1" } });
      expect(await again.text()).toBe(body);
      expect(Number(again.headers.get("age") ?? "0")).toBeGreaterThanOrEqual(0);
    }
    expect(await reachedLantern()).toBe(before);
  });

  it("shows an editor's change through instance A via Varnish and instance B within 1 s", async () => {
    const slug = "the-therapeutic-relationship";
    const url = persisted(varnishUrl, "ArticlePage", { slug });
    const title = async (response: Response) => (await response.json()).data.article.title;
    await fetch(url, { headers: { "x-graphql-csrf": "1" } });
    await fetch(persisted(b.url, "ArticlePage", { slug }), { headers: { "x-graphql-csrf": "1" } });
    const { article } = await post(a.url, `{ article(slug: "${slug}") { id version } }`);
    const renamed = `Renamed ${run}`;
    const saved = performance.now();
    await post(a.url, `mutation { updateArticle(id: "${article.id}", expectedVersion: ${article.version}, input: { title: "${renamed}" }) { article { id } } }`);
    let throughVarnish = Infinity;
    let throughB = Infinity;
    while (performance.now() - saved < 3000 && (throughVarnish === Infinity || throughB === Infinity)) {
      if (throughVarnish === Infinity && (await title(await fetch(url, { headers: { "x-graphql-csrf": "1" } }))) === renamed) throughVarnish = performance.now() - saved;
      if (throughB === Infinity && (await title(await fetch(persisted(b.url, "ArticlePage", { slug }), { headers: { "x-graphql-csrf": "1" } }))) === renamed) throughB = performance.now() - saved;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    console.log(`editor's change visible through Varnish after ${throughVarnish.toFixed(0)} ms, through B after ${throughB.toFixed(0)} ms`);
    expect(throughVarnish).toBeLessThan(1000);
    expect(throughB).toBeLessThan(1000);
  });

  it("shows a scheduled article through Varnish within 1 s of its time", async () => {
    const { authors, categories } = await post(a.url, `{ authors(first: 1) { nodes { id } } categories(first: 1) { nodes { id } } }`);
    const title = `Scheduled ${run}`;
    const created = await post(a.url, `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`, {
      input: { title, body: "<p>Soon</p>", authorId: authors.nodes[0].id, categoryIds: [categories.nodes[0].id] },
    });
    const at = Date.now() + 3000;
    await post(a.url, `mutation($at: DateTime) { publishArticle(id: "${created.createArticle.article.id}", at: $at) { article { id } } }`, { at: new Date(at).toISOString() });
    const newest = `{ articles(first: 3, orderBy: NEWEST) { nodes { title } } }`;
    const titles = async () => ((await (await getQuery(varnishUrl, newest)).json()).data.articles.nodes as { title: string }[]).map((n) => n.title);
    expect(await titles()).not.toContain(title);
    let seenAfter = Infinity;
    while (Date.now() < at + 3000) {
      if ((await titles()).includes(title)) {
        seenAfter = Date.now() - at;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    console.log(`scheduled article visible through Varnish ${seenAfter} ms after its time`);
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(1000);
  });
});
