import autocannon from "autocannon";
import { createPrismaClient } from "../../src/db/client.ts";
import { createApiToken } from "../../src/auth/tokens.ts";
import { BENCH_QUERIES } from "./queries.ts";
import { graphqlData, graphqlPost, postGraphql } from "../../tests/support/graphql-client.ts";

/** Response-cache results counted by a Lantern instance so far. */
async function cacheCounts(port: number, metricsToken: string): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  const counts: Record<string, number> = { hit: 0, miss: 0, bypass: 0 };
  for (const [, result, value] of text.matchAll(/^lantern_response_cache_requests_total\{result="(\w+)"\} (\d+)/gm)) counts[result!] = Number(value);
  return counts;
}

const EDITED_SLUG = "the-therapeutic-relationship";
const read = (query: string, variables?: object) => graphqlPost(query, variables);

interface Load {
  port: number;
  databaseUrl: string;
  metricsToken: string;
  seconds: number;
  connections: number;
}

/**
 * Readers send `requests` (in turn, on every connection) while an editor saves the article the
 * article page shows once a second, each save changing the field `field` (`input(n)` for the n-th
 * save). Returns the readers' req/s, p50 and p99, the cache's hit ratio over the run, and the saves.
 */
async function readWhileEditing(load: Load, requests: autocannon.Request[], input: (n: number) => string) {
  const { port, databaseUrl, metricsToken, seconds, connections } = load;
  const prisma = createPrismaClient(databaseUrl);
  const { token } = await createApiToken(prisma, { name: "bench editor", role: "editor" });
  const article = await prisma.article.findFirstOrThrow({ where: { slug: EDITED_SLUG } });
  await prisma.$disconnect();
  const origin = `http://127.0.0.1:${port}`;
  const editor = { authorization: `Bearer ${token}` };
  let version = article.version;
  let writes = 0;
  const globalId = Buffer.from(`Article:${article.id}`).toString("base64");
  const write = async () => {
    const { body: result } = await postGraphql<{ updateArticle: { article: { version: number } } }>(
      origin,
      `mutation($id: ID!, $v: Int!) { updateArticle(id: $id, expectedVersion: $v, input: { ${input(writes)} }) { article { version } } }`,
      { id: globalId, v: version },
      editor,
    );
    if (result.data) {
      version = result.data.updateArticle.article.version;
      writes += 1;
    }
  };
  const writer = setInterval(() => void write(), 1000);
  const before = await cacheCounts(port, metricsToken);
  const result = await autocannon({ url: `${origin}/graphql`, connections, duration: seconds, requests });
  clearInterval(writer);
  const after = await cacheCounts(port, metricsToken);
  const hits = after.hit! - before.hit!;
  const lookups = hits + after.miss! - before.miss!;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`reads while editing: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return { rps: result.requests.average, total: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, hitRatio: lookups ? hits / lookups : 0, writes };
}

/**
 * Readers ask for the article page, the sidebar, the 50-article list and a category archive
 * (in turn) while an editor renames a published article once a second, each rename evicting
 * what shows it.
 */
export function mixedLoad(port: number, databaseUrl: string, metricsToken: string, seconds: number, connections: number) {
  return readWhileEditing(
    { port, databaseUrl, metricsToken, seconds, connections },
    [read(BENCH_QUERIES["article page"]), read(BENCH_QUERIES.sidebar), read(BENCH_QUERIES["50 articles"]), read(BENCH_QUERIES["category archive"], { categorySlug: "psychotherapy", after: null })],
    (n) => `title: "The Therapeutic Relationship${n % 2 ? "" : " (revised)"}"`,
  );
}

/**
 * "Article page and archives while an editor saves every second": readers ask for the article
 * page, every category's and every author's archive (first page), the 50 newest and the sidebar,
 * in turn, while an editor saves the body of the article the page shows once a second.
 */
export async function archivesWhileEditing(load: Load) {
  type Slugs = { categories: { nodes: { slug: string }[] }; authors: { nodes: { slug: string }[] } };
  const site = await graphqlData<Slugs>(`http://127.0.0.1:${load.port}`, `{ categories(first: 100) { nodes { slug } } authors(first: 100) { nodes { slug } } }`);
  const requests = [
    read(BENCH_QUERIES["article page"]),
    ...site.categories.nodes.map(({ slug }) => read(BENCH_QUERIES["category archive"], { categorySlug: slug, after: null })),
    ...site.authors.nodes.map(({ slug }) => read(BENCH_QUERIES["author archive"], { authorSlug: slug })),
    read(BENCH_QUERIES["50 articles"]),
    read(BENCH_QUERIES.sidebar),
  ];
  return readWhileEditing(load, requests, (n) => `body: "<p>Saved ${n + 1} times.</p><p>${"The relationship is the therapy. ".repeat(40)}</p>"`);
}
