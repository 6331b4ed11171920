/**
 * Search at scale: `npm run bench:search [-- --articles 100000 --providers sqlite,postgresql]`.
 * Generates the articles (titles of 6 and bodies of 150 words drawn from a 20,000-word
 * vocabulary with a Zipf spread, s = 1.07, as in real text) into a fresh database per provider,
 * then times the search engine's first page (10 hits) for a rare word, a common word, a two-word
 * phrase and a prefix: p50 and p95 of 30 runs after 3 warm-ups, plus the count of the same query.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { answerHelp } from "../src/app/command-line.ts";
import { openDatabase } from "../src/app/prepare-database.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { createPrismaClient, db, disconnectDb } from "../src/db/client.ts";
import { parseSearchQuery } from "../src/domain/search-query.ts";
import { anonymous } from "../src/domain/viewer.ts";
import { searchEngine } from "../src/read/search/index.ts";

answerHelp(`usage: npm run bench:search [-- --articles N --providers sqlite,postgresql --postgres-url URL]`);
const { values: options } = parseArgs({
  options: {
    articles: { type: "string", default: "100000" },
    providers: { type: "string", default: "sqlite,postgresql" },
    "postgres-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const COUNT = Number(options.articles);

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(42);
const SYLLABLES = "ka lo mi ne ru sa ti vo be da fe gi ho ju ly po qu re st wa xe yo zu an el in or um".split(" ");
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => {
  let word = "";
  let n = i + 7;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word;
});
// Zipf: the cumulative weights of rank r ∝ 1 / r^s, sampled by binary search.
const cumulative: number[] = [];
VOCABULARY.reduce((sum, _, rank) => (cumulative[rank] = sum + 1 / Math.pow(rank + 1, 1.07)), 0);
const total = cumulative.at(-1)!;
function word(): string {
  const target = random() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return VOCABULARY[low]!;
}
const words = (n: number) => Array.from({ length: n }, word).join(" ");

async function generate(): Promise<void> {
  const prisma = db();
  const author = await prisma.author.create({ data: { slug: "bench-author", name: "Bench" } });
  const categories = await Promise.all(Array.from({ length: 20 }, (_, i) => prisma.category.create({ data: { slug: `bench-${i}`, name: `Bench ${i}` } })));
  const start = Date.now();
  for (let from = 0; from < COUNT; from += 2000) {
    const numbers = Array.from({ length: Math.min(2000, COUNT - from) }, (_, i) => from + i);
    await prisma.$transaction(async (tx) => {
      await tx.article.createMany({
        data: numbers.map((n) => {
          const bodyText = words(150);
          return {
            slug: `bench-${n}`, title: words(6), body: `<p>${bodyText}</p>`, bodyText, wordCount: 150, status: "PUBLISHED",
            publishedAt: new Date(start - n * 60_000), authorId: author.id,
          };
        }),
      });
      const created = await tx.article.findMany({ where: { slug: { in: numbers.map((n) => `bench-${n}`) } }, select: { id: true } });
      await tx.articleCategory.createMany({ data: created.map(({ id }) => ({ articleId: id, categoryId: categories[id % 20]!.id, position: 0 })) });
    }, { timeout: 600_000, maxWait: 600_000 });
    process.stderr.write(`generated ${Math.min(from + 2000, COUNT)} of ${COUNT}\r`);
  }
  process.stderr.write(`\ngenerated in ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
}

const QUERIES: [string, string][] = [
  ["rare word", VOCABULARY[15_000]!],
  ["common word", VOCABULARY[0]!],
  ["two-word phrase", `"${VOCABULARY[0]} ${VOCABULARY[1]}"`],
  ["prefix", VOCABULARY[40]!.slice(0, 3)],
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const providers = options.providers.split(",");
if (providers.length > 1) {
  // A process has one database (src/db/client.ts): one process per provider.
  for (const provider of providers) {
    execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, "--articles", String(COUNT), "--providers", provider, "--postgres-url", options["postgres-url"]], { stdio: "inherit" });
  }
  process.exit(0);
}

for (const provider of providers) {
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "lantern-bench-search-"));
    url = `file:${join(dir, "bench.db")}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `lantern_bench_search_${process.pid}`;
    const admin = createPrismaClient(options["postgres-url"]);
    await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
    const target = new URL(options["postgres-url"]);
    target.pathname = `/${name}`;
    url = target.toString();
    drop = async () => {
      await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.$disconnect();
    };
  }
  try {
    await openDatabase(parseConfig({ DATABASE_URL: url }), () => {});
    await generate();
    if (provider === "postgresql") await db().$executeRawUnsafe(`ANALYZE`);
    const engine = searchEngine();
    for (const [label, text] of QUERIES) {
      const request = { query: parseSearchQuery(text), filter: { categoryIds: null }, scope: { viewer: anonymous, now: new Date() } };
      const hits = await time(() => engine.hits(request, { limit: 11, fromEnd: false }));
      const count = await time(() => engine.count(request));
      console.log(
        `${provider}, ${COUNT} articles, ${label} (${text}, ${await engine.count(request)} hits): first page p50 ${hits.p50.toFixed(1)} ms, p95 ${hits.p95.toFixed(1)} ms; totalCount p50 ${count.p50.toFixed(1)} ms`,
      );
    }
  } finally {
    await disconnectDb();
    await drop();
  }
}
