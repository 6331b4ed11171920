import autocannon from "autocannon";
import { createPrismaClient } from "../../src/db/client.ts";
import { createApiToken } from "../../src/auth/tokens.ts";
import { BENCH_QUERIES } from "./queries.ts";
import { graphqlPost, postGraphql } from "../../tests/support/graphql-client.ts";

/** Response-cache results counted by a Lantern instance so far. */
async function cacheCounts(port: number, metricsToken: string): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  const counts: Record<string, number> = { hit: 0, miss: 0, bypass: 0 };
  for (const [, result, value] of text.matchAll(/^lantern_response_cache_requests_total\{result="(\w+)"\} (\d+)/gm)) counts[result!] = Number(value);
  return counts;
}

/**
 * Readers ask for the article page, the sidebar, the 50-article list and a category archive
 * (in turn) while an editor renames a published article once a second, each rename evicting
 * what shows it. Returns the readers' req/s and p99, and the cache's hit ratio over the run.
 */
export async function mixedLoad(port: number, databaseUrl: string, metricsToken: string, seconds: number, connections: number) {
  const prisma = createPrismaClient(databaseUrl);
  const { token } = await createApiToken(prisma, { name: "bench editor", role: "editor" });
  const article = await prisma.article.findFirstOrThrow({ where: { slug: "the-therapeutic-relationship" } });
  await prisma.$disconnect();
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/graphql`;
  const editor = { authorization: `Bearer ${token}` };
  let version = article.version;
  let writes = 0;
  const globalId = Buffer.from(`Article:${article.id}`).toString("base64");
  const write = async () => {
    const { body: result } = await postGraphql<{ updateArticle: { article: { version: number } } }>(
      origin,
      `mutation($id: ID!, $v: Int!, $t: String!) { updateArticle(id: $id, expectedVersion: $v, input: { title: $t }) { article { version } } }`,
      { id: globalId, v: version, t: `The Therapeutic Relationship ${writes % 2 ? "" : "(revised)"}`.trim() },
      editor,
    );
    if (result.data) {
      version = result.data.updateArticle.article.version;
      writes += 1;
    }
  };
  const writer = setInterval(() => void write(), 1000);
  const before = await cacheCounts(port, metricsToken);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      graphqlPost(BENCH_QUERIES["article page"]),
      graphqlPost(BENCH_QUERIES.sidebar),
      graphqlPost(BENCH_QUERIES["50 articles"]),
      graphqlPost(BENCH_QUERIES["category archive"], { categorySlug: "psychotherapy", after: null }),
    ],
  });
  clearInterval(writer);
  const after = await cacheCounts(port, metricsToken);
  const hits = after.hit! - before.hit!;
  const lookups = hits + after.miss! - before.miss!;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`mixed load: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, hitRatio: lookups ? hits / lookups : 0, writes };
}
