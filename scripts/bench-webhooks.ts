/**
 * Webhook delivery latency: from an editor's mutation to its event arriving at a receiver on
 * loopback, through the change log, the webhooks consumer and the sender (one instance, the
 * system clock, SQLite in a temporary folder), one change
 * at a time:
 *   npm run bench:webhooks [-- <changes>]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { answerHelp } from "../src/app/command-line.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { prepareDatabase } from "../src/app/prepare-database.ts";
import { createLanternYoga } from "../src/app/yoga.ts";
import { db, disconnectDb, writeDb } from "../src/db/client.ts";
import { createApiToken } from "../src/auth/tokens.ts";
import { ChangeService } from "../src/changes/service.ts";
import { postGraphql } from "../tests/support/graphql-client.ts";


answerHelp(`usage: npm run bench:webhooks [-- <changes>]

Webhook delivery latency (p50/p99) from a mutation to the receiver, on one instance.`);

const changes = Number(process.argv[2] ?? 200);
const folder = mkdtempSync(join(tmpdir(), "lantern-bench-webhooks-"));
const settings = parseConfig({
  ...process.env,
  // A database of its own: the bench writes tokens, webhooks and changes into it.
  DATABASE_URL: `file:${join(folder, "bench.db")}`,
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
  RESPONSE_CACHE_MAX_AGE: "0",
  LOG_LEVEL: "error",
});
await prepareDatabase(settings, () => {});

const arrivals = new Map<number, number>();
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    arrivals.set((JSON.parse(body) as { sequence: number }).sequence, performance.now());
    response.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;

const yoga = createLanternYoga(settings);
const { token } = await createApiToken(db(), { name: "bench", role: "admin" });
const headers = { authorization: `Bearer ${token}` };
await postGraphql(yoga, `mutation ($url: String!) { createWebhook(input: { url: $url, events: ["*"] }) { id } }`, { url }, headers);
const service = new ChangeService({ prisma: writeDb(), allowPrivateNetworks: true });
service.start(settings.WEBHOOK_POLL_INTERVAL_MS);

const article = await db().article.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
const id = encodeGlobalID("Article", article.id);
const sent = new Map<number, number>();
let version = article.version;
for (let i = 0; i < changes; i++) {
  const started = performance.now();
  const answer = await postGraphql<{ updateArticle: { article: { version: number } } }>(
    yoga,
    `mutation ($id: ID!, $v: Int!, $t: String!) { updateArticle(id: $id, input: { title: $t }, expectedVersion: $v) { article { version } } }`,
    { id, v: version, t: `${article.title} (${i})` },
    headers,
  );
  version = answer.body.data!.updateArticle.article.version;
  const latest = await db().contentChange.findFirstOrThrow({ orderBy: { sequence: "desc" }, select: { sequence: true } });
  sent.set(latest.sequence, started);
  // One change at a time: the figure is a change's latency, not a backlog's.
  const deadline = performance.now() + 10_000;
  while (!arrivals.has(latest.sequence) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
}

const latencies = [...sent].map(([sequence, started]) => (arrivals.get(sequence) ?? Infinity) - started).sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
console.log(`webhook delivery, mutation sent → receiver (${changes} changes, one instance, SQLite):`);
console.log(`  p50 ${at(0.5).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms  max ${at(1).toFixed(1)} ms  delivered ${arrivals.size}/${sent.size}`);

await service.stop();
receiver.close();
await disconnectDb();
rmSync(folder, { recursive: true, force: true });
