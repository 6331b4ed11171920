import { describe, expect, it } from "vitest";
import { createLanternYoga, type LanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { createResponseCache, type ResponseCache } from "../src/cache/response-cache.ts";
import { requestCacheId } from "../src/cache/plugin.ts";
import { ManualClock } from "./support/clock.ts";
import { countStatements } from "./support/statements.ts";

// Every check that refuses a request runs before the response cache answers it: a request that
// is refused is refused even when the cache holds an answer for it (stored by another instance
// sharing Redis with other settings, by an earlier release, or by the same request with the
// header that made it acceptable).

const clock = new ManualClock();
const settingsWith = (env: Record<string, string>) =>
  parseConfig({ ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", RESPONSE_CACHE_DEBUG_HEADERS: "true", ...env });

/** Two servers over one cache: `primer` accepts what `strict` refuses. */
function sharing(primerEnv: Record<string, string>, strictEnv: Record<string, string> = {}) {
  const cache = createResponseCache(settingsWith({}), clock);
  const server = (env: Record<string, string>) => createLanternYoga(settingsWith(env), { clock, responseCache: cache });
  return { cache, primer: server(primerEnv), strict: server(strictEnv) };
}

type Init = { path?: string; method?: string; headers?: Record<string, string>; body?: string };
const request = ({ path = "/graphql", method = "POST", headers = {}, body }: Init) =>
  new Request(new URL(path, "http://lantern.test"), { method, headers, body });

async function send(server: LanternYoga, init: Init) {
  const { statements, result } = await countStatements(async () => {
    const response = await server.fetch(request(init));
    return { response, text: await response.text() };
  });
  return { ...result, statements };
}

const json = (body: unknown, headers: Record<string, string> = {}): Init => ({
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** Refused with the check's status or code (its status depends on Accept), before any SQL. */
async function expectRefusedThoughCached(server: LanternYoga, init: Init, refusal: number | string) {
  const { response, text, statements } = await send(server, init);
  expect(response.headers.get("x-cache")).not.toBe("HIT");
  expect(text).not.toContain("Anxiety Relief Project");
  if (typeof refusal === "number") expect(response.status, text).toBe(refusal);
  else {
    const results = [JSON.parse(text)].flat();
    expect(results.flatMap((result) => result.errors ?? []).map((e: any) => e.extensions?.code), text).toContain(refusal);
  }
  expect(statements).toBe(0);
}

async function expectPrimed(server: LanternYoga, init: Init) {
  await send(server, init);
  const again = await send(server, init);
  expect(again.response.headers.get("x-cache"), again.text).toBe("HIT");
}

const SITE = "{ site { title } }";

describe("CSRF runs before the cache answers", () => {
  const yoga = createLanternYoga(settingsWith({}), { clock });
  const csrf = { "x-graphql-csrf": "1" };

  it("a GET without the CSRF header, after the same GET with it was cached", async () => {
    const path = `/graphql?query=${encodeURIComponent(SITE)}`;
    await expectPrimed(yoga, { path, method: "GET", headers: csrf });
    await expectRefusedThoughCached(yoga, { path, method: "GET" }, 403);
  });

  it("a text/plain POST without the CSRF header, after a JSON POST of the same body was cached", async () => {
    const body = JSON.stringify({ query: "{ site { copyright } }" });
    await expectPrimed(yoga, { headers: { "content-type": "application/json" }, body });
    await expectRefusedThoughCached(yoga, { headers: { "content-type": "text/plain" }, body }, 403);
  });

  it.each([
    ["application/x-www-form-urlencoded", `query=${encodeURIComponent(SITE)}`],
    ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"${SITE}"}\r\n--x--\r\n`],
  ])("a %s POST without the CSRF header, after the same POST with it was cached", async (contentType, body) => {
    await expectPrimed(yoga, { headers: { "content-type": contentType, ...csrf }, body });
    await expectRefusedThoughCached(yoga, { headers: { "content-type": contentType }, body }, 403);
  });

  it("a POST without Content-Type nor CSRF header, after a JSON POST of the same body was cached", async () => {
    const body = JSON.stringify({ query: "{ site { tagline } }" });
    await expectPrimed(yoga, { headers: { "content-type": "application/json" }, body });
    await expectRefusedThoughCached(yoga, { body }, 403);
  });
});

describe("trusted documents, limits and introspection run before the cache answers", () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `s${i}: site { title }`).join(" ")} }`;
  // 8 tokens per fragment and its spread.
  const fragments = (count: number) => {
    const names = Array.from({ length: count }, (_, i) => `F${i}`);
    return `{ site { ${names.map((name) => `...${name}`).join(" ")} } } ${names.map((name) => `fragment ${name} on Site { title }`).join(" ")}`;
  };
  const heavy = `{ articles(first: 10) { nodes { author { articles(first: 10) { nodes { id } } } } } }`;
  const cases: [string, Record<string, string>, Record<string, string>, Init, number | string][] = [
    ["trusted documents", { TRUSTED_DOCUMENTS: "off" }, { TRUSTED_DOCUMENTS: "anonymous" }, json({ query: SITE }), "PERSISTED_QUERY_ONLY"],
    ["depth", { MAX_DEPTH: "50" }, {}, json({ query: `{ category(slug: "psychotherapy") ${"{ parent ".repeat(12)}{ slug }${" }".repeat(12)} }` }), "MAX_DEPTH_EXCEEDED"],
    ["aliases", { MAX_ALIASES: "100" }, {}, json({ query: aliased(20) }), "MAX_ALIASES_EXCEEDED"],
    ["directives", { MAX_DIRECTIVES: "100" }, {}, json({ query: `{ site { ${"title @include(if: true) ".repeat(25)} } }` }), "MAX_DIRECTIVES_EXCEEDED"],
    ["tokens", { MAX_TOKENS: "5000" }, {}, json({ query: fragments(150) }), "MAX_TOKENS_EXCEEDED"],
    ["cost", { MAX_COST: "100000" }, {}, json({ query: heavy.replace("first: 10", "first: 30") }), "MAX_COST_EXCEEDED"],
    ["a batch's summed cost", { MAX_COST: "100000" }, {}, json([{ query: heavy }, { query: heavy }]), "MAX_COST_EXCEEDED"],
    ["batch size", { MAX_BATCH: "20" }, {}, json(Array.from({ length: 11 }, () => ({ query: SITE }))), "BAD_REQUEST"],
    ["introspection", { INTROSPECTION: "true" }, {}, json({ query: "{ __schema { queryType { name } } site { title } }" }), "GRAPHQL_VALIDATION_FAILED"],
  ];

  it.each(cases)("%s", async (_name, primerEnv, strictEnv, init, refusal) => {
    const { primer, strict } = sharing(primerEnv, strictEnv);
    await expectPrimed(primer, init);
    await expectRefusedThoughCached(strict, init, refusal);
  });
});

describe("request-input checks run before the cache answers", () => {
  /** An answer stored under the request's own key, as an earlier release could have stored it. */
  async function plant(cache: ResponseCache, init: Init) {
    const body = JSON.stringify({ data: { site: { title: "Anxiety Relief Project" } } });
    const now = clock.now().getTime();
    const { version } = await cache.store.get("", now);
    const entry = { body, contentType: "application/json; charset=utf-8", etag: '"planted"', keys: ["Site"], expiresAt: now + 60_000 };
    await cache.store.set(await requestCacheId(request(init)), entry, now, version);
  }

  const nested = (depth: number) => JSON.parse("[".repeat(depth) + '"x"' + "]".repeat(depth));
  const csrf = { "x-graphql-csrf": "1" };
  const cases: [string, Init, number | string][] = [
    ["a GET whose variables are not JSON", { method: "GET", path: `/graphql?query=${encodeURIComponent(SITE)}&variables=%7Bbad`, headers: csrf }, "BAD_REQUEST"],
    ["variables nested too deep", json({ query: SITE, variables: { v: nested(40) } }), "BAD_USER_INPUT"],
    ["a lone surrogate in a variable", json({ query: SITE, variables: { v: "\ud800" } }), "BAD_USER_INPUT"],
    ["a batch member that is not an object", json([{ query: SITE }, 1]), "BAD_REQUEST"],
    ["a mutation over GET", { method: "GET", path: `/graphql?query=${encodeURIComponent("mutation { __typename }")}`, headers: csrf }, "BAD_REQUEST"],
  ];

  it.each(cases)("%s", async (_name, init, refusal) => {
    const cache = createResponseCache(settingsWith({}), clock);
    const yoga = createLanternYoga(settingsWith({}), { clock, responseCache: cache });
    await send(yoga, json({ query: "{ __typename }" })); // the cache's first request reads the schedule
    await plant(cache, init);
    await expectRefusedThoughCached(yoga, init, refusal);
  });
});
