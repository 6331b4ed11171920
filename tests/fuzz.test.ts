import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { fetchYoga, LEAKS } from "./support/graphql.ts";
import { seededRandom, type Random } from "./support/prng.ts";
import { cachingServer } from "./support/caching-server.ts";
import { ManualClock } from "./support/clock.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";
import { parseConfig } from "../src/platform/settings.ts";

const REQUESTS = 1800;
const { MAX_BODY_BYTES, MAX_BATCH, MAX_COST, MAX_ALIASES, MAX_TOKENS } = parseConfig({});
/** Half the requests go to a production server with the response cache on (it reads bodies and sets headers). */
const caching = cachingServer(new ManualClock());
const random = seededRandom(20261125);

interface HostileRequest {
  kind: string;
  path: string;
  init: RequestInit;
  /** Sent to a server whose response cache is on, so names reach Surrogate-Key and xkey. */
  cached?: "open" | "trustedDocuments";
  /** What this family's answer must be, beyond what every answer must be. */
  check?: (status: number, text: string, label: string) => void;
}

const cachedYoga = { open: cachingServer(new ManualClock()), trustedDocuments: cachingServer(new ManualClock(), { TRUSTED_DOCUMENTS: "anonymous" }) };
const featuredWidgetHash = [...loadTrustedDocuments()].find(([, text]) => text.startsWith("query FeaturedWidget("))![0];
/** Slot and location names that HTTP headers refuse or that would split a cache key. */
const HEADER_NAMES = ["日本", "a\r\nx-injected: 1", "a b", "side bar", "Sidebar", "a,b", "é", "\u0000", "a\tb", "x".repeat(80), "-", "", "\ud800"];

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "zo", "vi", "de", "gu"];
const ODD_TEXT = ["\u0000", "\u202e", "\u200b", "\ufeff", "\ud800", "\udfff", "🦊", "ß", "\u0301", "\\", '"', "'", "\n", "%00", "${x}", "{{x}}", "<script>", "../", "%", "\u2028"];

const word = (r: Random) => Array.from({ length: 1 + r.int(4) }, () => r.pick(SYLLABLES)).join("");
const oddText = (r: Random, length = 1 + r.int(40)) =>
  Array.from({ length }, () => (r.next() < 0.5 ? r.pick(ODD_TEXT) : r.pick(SYLLABLES))).join("");
const hugeNumber = (r: Random) =>
  r.pick<number | string>([1e308, -1e308, 2 ** 53 + 1, -(2 ** 31) - 1, 2 ** 31, 0.5, -0, 1e-320, "1e999", "NaN", "Infinity", 99999999999999999999]);
/** Objects and arrays nested `depth` deep, as JSON text (JSON.stringify recurses and would overflow). */
const nested = (depth: number, leafJson: string) => {
  const opening = Array.from({ length: depth }, (_, i) => (i % 2 ? "[" : '{"a":'));
  return opening.join("") + leafJson + opening.reverse().map((open) => (open === "[" ? "]" : "}")).join("");
};
const rawPost = (body: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body });
const base64 = (text: string) => Buffer.from(text).toString("base64");
const badId = (r: Random) =>
  r.pick([
    oddText(r),
    base64(`Article:${hugeNumber(r)}`),
    base64(`Article:${oddText(r, 5)}`),
    base64(`${word(r)}:1`),
    base64("Article:-1"),
    base64("Article:0x10"),
    base64(`Category:${"9".repeat(40)}`),
    "",
    "=".repeat(r.int(50)),
    encodeGlobalID("Author", 1) + oddText(r, 2),
  ]);
const badCursor = (r: Random) =>
  r.pick([oddText(r), base64(`GPC:N:${hugeNumber(r)}`), base64(`GPC:S:${word(r)}`), base64("GPC:N:-5"), "%%%", base64(oddText(r, 8))]);

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const post = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) => json({ query, variables, ...extra });

/** One generator per family of hostile input; each returns a request. */
const FAMILIES: Record<string, (r: Random) => Omit<HostileRequest, "kind">> = {
  brokenJson: (r) => {
    const valid = JSON.stringify({ query: "{ site { title } }" });
    const body = r.pick([
      valid.slice(0, r.int(valid.length)),
      "{",
      "[",
      "null",
      '"text"',
      "123",
      "true",
      '{"query": 5}',
      '{"query": null}',
      '{"query": ["{ site { title } }"]}',
      '{"query": "{ site { title } }", "variables": "x"}',
      '{"query": "{ site { title } }", "variables": [1]}',
      '{"query": "{ site { title } }", "extensions": 3}',
      '{"query": "{ site { title } }", "operationName": {}}',
      '{"query": "{ site { title } }",}',
      "\ufeff" + valid,
      valid + "garbage",
      Buffer.from(Array.from({ length: 1 + r.int(200) }, () => r.int(256))).toString("latin1"),
    ]);
    return { path: "/graphql", init: { method: "POST", headers: { "content-type": "application/json" }, body } };
  },
  wrongContentType: (r) => {
    const contentType = r.pick([
      "text/xml",
      "application/octet-stream",
      "application/json; charset=utf-16",
      "multipart/form-data",
      "multipart/form-data; boundary=",
      "application/graphql",
      "application/x-www-form-urlencoded",
      "text/plain",
      "application/jsonx",
      "",
      oddText(r, 5),
    ]);
    const headers: Record<string, string> = {};
    if (contentType) headers["content-type"] = contentType.replace(/[^\x20-\x7e]/g, "x");
    if (r.next() < 0.5) headers["x-graphql-csrf"] = "1";
    const body = r.pick(["{ site { title } }", JSON.stringify({ query: "{ site { title } }" }), "query=%7B%20site%20%7B%20title%20%7D%20%7D", oddText(r)]);
    return { path: "/graphql", init: { method: "POST", headers, body } };
  },
  hugeValues: (r) => {
    const size = r.pick([1_000, 30_000, 99_000, 150_000]);
    return r.pick([
      () => ({ path: "/graphql", init: post("query ($s: String) { articles(where: { search: $s }) { nodes { id } } }", { s: "x".repeat(size) }) }),
      () => ({ path: "/graphql", init: post("query ($u: String!) { resolveUri(uri: $u) { __typename } }", { u: oddText(r).repeat(size / 50) }) }),
      () => ({ path: "/graphql", init: post("query ($n: Int) { articles(first: $n) { nodes { id } } }", { n: hugeNumber(r) }) }),
      () => ({ path: "/graphql", init: post(`{ articles(first: ${r.pick(["99999999999999999999", "-0", "1.5", "1e3", '"10"', "null", "true"])}) { nodes { id } } }`) }),
      () => ({ path: "/graphql", init: post(`{ featured(slot: "${"s".repeat(size / 10)}", first: ${r.int(1000) - 500}) { title } }`) }),
      () => ({ path: "/graphql", init: post(`{ site { title } } # ${"c".repeat(size)}`) }),
    ])();
  },
  nestedVariables: (r) => {
    const depth = r.pick([10, 100, 1000, 5000, 20000]);
    const query = (text: string) => JSON.stringify(text);
    return {
      path: "/graphql",
      init: rawPost(
        r.pick([
          `{"query":${query("query ($w: ArticleWhere) { articles(where: $w) { nodes { id } } }")},"variables":{"w":${nested(depth, '"x"')}}}`,
          `{"query":${query("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }")},"variables":{"ids":${nested(depth, '"x"')}}}`,
          `{"query":${query("{ site { title } }")},"variables":${nested(depth, "1")}}`,
          `{"query":${query("{ site { title } }")},"extensions":${nested(depth, '{"persistedQuery":1}')}}`,
        ]),
      ),
    };
  },
  oddUnicode: (r) =>
    r.pick([
      () => ({ path: "/graphql", init: post(`{ article(slug: ${JSON.stringify(oddText(r))}) { title } }`) }),
      () => ({ path: "/graphql", init: post("query ($s: String!) { category(slug: $s) { name } }", { s: oddText(r) }) }),
      () => ({ path: "/graphql", init: post(`{ site { title } ${oddText(r, 3)} }`) }),
      () => ({ path: "/graphql", init: post(oddText(r)) }),
      () => ({ path: "/graphql", init: post("{ site { title } }", undefined, { operationName: oddText(r) }) }),
    ])(),
  unknownOperations: (r) =>
    r.pick([
      () => ({ path: "/graphql", init: post("query A { site { title } } query B { site { tagline } }") }),
      () => ({ path: "/graphql", init: post("query A { site { title } }", undefined, { operationName: word(r) }) }),
      () => ({ path: "/graphql", init: post(`mutation { ${word(r)} }`) }),
      () => ({ path: "/graphql", init: post(`subscription { ${word(r)} }`) }),
      () => ({ path: "/graphql", init: post(`{ ${word(r)} { ${word(r)} } }`) }),
      () => ({ path: "/graphql", init: post(`fragment F on Query { ...G } fragment G on Query { ...F } { ...F }`) }),
      () => ({ path: "/graphql", init: post(`{ site { title @${word(r)} } }`) }),
      () => ({ path: "/graphql", init: post(`query ($x: ${word(r)}) { site { title } }`, { x: 1 }) }),
      () => ({ path: "/graphql", init: post("") }),
    ])(),
  badIdsAndCursors: (r) =>
    r.pick([
      () => ({ path: "/graphql", init: post("query ($id: ID!) { node(id: $id) { id } }", { id: badId(r) }) }),
      () => ({ path: "/graphql", init: post("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: Array.from({ length: r.int(30) }, () => badId(r)) }) }),
      () => ({ path: "/graphql", init: post("query ($a: String) { articles(after: $a) { nodes { id } } }", { a: badCursor(r) }) }),
      () => ({ path: "/graphql", init: post("query ($b: String) { articles(last: 3, before: $b) { nodes { id } } }", { b: badCursor(r) }) }),
      () => ({ path: "/graphql", init: post("query ($a: String) { categories(first: 2, after: $a) { nodes { slug } } }", { a: badCursor(r) }) }),
      () => ({ path: "/graphql", init: post(`{ author(slug: "arp-staff") { articles(after: ${JSON.stringify(badCursor(r))}) { nodes { id } } } }`) }),
    ])(),
  batches: (r) => {
    const single = () => r.pick<unknown>([{ query: "{ site { title } }" }, { query: oddText(r) }, null, 1, [], {}, "x"]);
    const body = r.pick<unknown>([[], [single()], Array.from({ length: r.int(30) }, single), [[single()]], Array.from({ length: 11 }, () => ({ query: "{ site { title } }" }))]);
    return { path: "/graphql", init: json(body) };
  },
  oddGets: (r) => {
    const params = new URLSearchParams();
    const pairs: [string, string][] = r.pick([
      [["query", "{ site { title } }"]],
      [["query", ""]],
      [["query", "{ site { title } }"], ["query", "{ site { tagline } }"]],
      [["query", "{ site { title } }"], ["variables", oddText(r)]],
      [["query", "{ site { title } }"], ["extensions", oddText(r)]],
      [["extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: oddText(r) } })]],
      [["extensions", JSON.stringify({ persistedQuery: { version: r.int(3), sha256Hash: "0".repeat(64) } })]],
      [["documentId", oddText(r)]],
      [["documentId", `sha256:${"f".repeat(64)}`]],
      [["query", "mutation { __typename }"]],
      [[word(r), oddText(r)]],
      [["query", "{ site { title } }".repeat(r.int(400))]],
      [],
    ]);
    for (const [name, value] of pairs) params.append(name, value);
    const headers: Record<string, string> = r.next() < 0.7 ? { "x-graphql-csrf": "1" } : {};
    if (r.next() < 0.3) headers.accept = r.pick(["text/html", "text/event-stream", "application/graphql-response+json", "*/*", oddText(r, 3).replace(/[^\x20-\x7e]/g, "x")]);
    const method = r.pick(["GET", "GET", "GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"]);
    const path = r.pick(["/graphql", "/graphql/", "/GRAPHQL", "/graphql/..%2f", `/${word(r)}`, "/ready", "/health"]);
    return { path: `${path}?${params}`, init: { method, headers } };
  },
  loneSurrogates: (r) => {
    const text = () => r.pick(["\udfff", "\ud800", `x\udc00y`, `${word(r)}\ud83d`]);
    const [query, variables]: [string, Record<string, unknown>] = r.pick<[string, Record<string, unknown>]>([
      ["query ($s: String!) { page(slug: $s) { id } }", { s: text() }],
      ["query ($s: String!) { author(slug: $s) { id } }", { s: text() }],
      ["query ($s: String!) { article(slug: $s) { id } }", { s: text() }],
      ["query ($s: String!) { category(slug: $s) { id } }", { s: text() }],
      ["query ($s: String!) { menu(location: $s) { name } }", { s: text() }],
      ["query ($s: String!) { featured(slot: $s) { title } }", { s: text() }],
      ["query ($u: String!) { resolveUri(uri: $u) { __typename } }", { u: text() }],
      ["query ($w: ArticleWhere) { articles(where: $w) { nodes { id } } }", { w: { search: text() } }],
      ["query ($w: ArticleWhere) { articles(where: $w) { nodes { id } } }", { w: { authorSlug: text() } }],
      ["query ($w: ArticleWhere) { articles(where: $w) { nodes { id } } }", { w: { categorySlug: text() } }],
      ["query ($w: CategoryWhere) { categories(where: $w) { nodes { id } } }", { w: { parentSlug: text() } }],
      ["query ($a: String) { articles(after: $a) { nodes { id } } }", { a: text() }],
      ["query ($id: ID!) { node(id: $id) { id } }", { id: text() }],
      ["query ($id: ID!) { node(id: $id) { id } }", { id: base64(`Article:${text()}`) }],
      ["{ site { title } }", { [text()]: 1 }],
    ]);
    return { path: "/graphql", init: post(query, variables, r.next() < 0.2 ? { extensions: { note: text() } } : {}) };
  },
  builtInPropertyIds: (r) => {
    const id = () => base64(`${r.pick(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"])}:${r.int(3)}`);
    return r.pick([
      () => ({ path: "/graphql", init: post("query ($id: ID!) { node(id: $id) { id } }", { id: id() }) }),
      () => ({ path: "/graphql", init: post("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [encodeGlobalID("Author", 1), id(), id()] }) }),
      () => ({ path: "/graphql", init: post("mutation ($id: ID!) { deleteArticle(id: $id) { deletedId } }", { id: id() }) }),
    ])();
  },
  deepInput: (r) => {
    const depth = r.pick([40, 200, 1000, 1500, 3000]);
    const item = (level: number): string => (level === 0 ? '{"label":"x","url":"/"}' : `{"label":"x","url":"/","children":[${item(level - 1)}]}`);
    const query = JSON.stringify("mutation ($items: [MenuItemInput!]!) { setMenu(location: \"primary\", items: $items) { menu { name } } }");
    return { path: "/graphql", init: rawPost(`{"query":${query},"variables":{"items":[${item(depth)}]}}`) };
  },
  malformedGetParameters: (r) => {
    const params = new URLSearchParams({ query: "{ site { title } }" });
    params.set(r.pick(["variables", "extensions"]), r.pick(["{bad", "{", "[", "nul", '{"a":', oddText(r, 4), "\ud800"]));
    return { path: `/graphql?${params}`, init: { method: "GET", headers: { "x-graphql-csrf": "1" } } };
  },
  headerNames: (r) => {
    const name = r.next() < 0.7 ? r.pick(HEADER_NAMES) : `${word(r)}${oddText(r, 2)}`;
    const get = (query: string, variables?: unknown) => ({
      path: `/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`,
      init: { method: "GET", headers: { "x-graphql-csrf": "1" } },
    });
    const request = r.pick([
      () => get(`{ featured(slot: ${JSON.stringify(name)}) { title } }`),
      () => get("query ($l: String!) { menu(location: $l) { name } }", { l: name }),
      () => ({ path: "/graphql", init: post("query ($s: String!) { featured(slot: $s, first: 2) { title } }", { s: name }) }),
      () => ({
        path: `/graphql?documentId=sha256:${featuredWidgetHash}&variables=${encodeURIComponent(JSON.stringify({ slot: name }))}`,
        init: { method: "GET", headers: { "x-graphql-csrf": "1" } },
        cached: "trustedDocuments" as const,
      }),
      () => ({ path: "/graphql", init: post("mutation ($s: String!) { setFeatured(slot: $s, items: []) { slot } }", { s: name }) }),
      () => ({ path: "/graphql", init: post("mutation ($l: String!) { setMenu(location: $l, items: []) { menu { name } } }", { l: name }) }),
    ])();
    return { cached: "open" as const, ...request };
  },
  abusiveDocuments: (r) =>
    r.pick([
      () => ({ path: "/graphql", init: post(`{ category(slug: "psychotherapy") ${"{ parent ".repeat(20 + r.int(200))}{ slug }${" }".repeat(0)}`) }),
      () => ({ path: "/graphql", init: post(`{ ${Array.from({ length: 20 + r.int(200) }, (_, i) => `a${i}: site { title }`).join(" ")} }`) }),
      () => ({ path: "/graphql", init: post(`{ site { title ${"@include(if: true) ".repeat(30 + r.int(100))} } }`) }),
      () => ({ path: "/graphql", init: post(`{ __schema { types { ${"fields { type { ".repeat(5 + r.int(20))}name${" } }".repeat(5 + r.int(20))} } } }`) }),
      () => ({ path: "/graphql", init: post(`{ articles(first: 100) { nodes { author { articles(first: 100) { nodes { categories { articles(first: 100) { nodes { id } } } } } } } } }`) }),
      () => ({ path: "/graphql", init: post(`{ ${"{".repeat(r.int(3000))} }`) }),
    ])(),
};

const BODY_ROUTES = ["/graphql", "/graphql", "/subscription/confirm", "/subscription/unsubscribe", "/feed.xml", "/forms/subscribers.csv", "/nowhere"];
const BODY_TYPES = ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql"];

/** A body of `size` bytes that starts like a GraphQL request. */
const paddedBody = (r: Random, size: number) => {
  const start = r.pick(['{"query":"{ site { title } }","variables":{"p":"', '[{"query":"{ site { title } }"},{"query":"', "token=", "query=%7B"]);
  return start + "x".repeat(Math.max(0, size - start.length));
};

/** The answer is a refusal with this code, as coded JSON. */
const refusedWith = (code: string) => (_status: number, text: string, label: string) => {
  expect([JSON.parse(text)].flat()[0].errors?.map((error: any) => error.extensions?.code), `${label}\n${text.slice(0, 300)}`).toEqual([code]);
};

/** Each batched operation within the limits, `count` of them: refused with `code` exactly when their sum is over `limit`. */
const batchOf = (query: string, measure: number, count: number, limit: number, code: string) => ({
  path: "/graphql",
  init: json(Array.from({ length: count }, () => ({ query }))),
  check: (status: number, text: string, label: string) => {
    if (measure * count > limit) return refusedWith(code)(status, text, label);
    expect(status, label).toBe(200);
    expect(JSON.parse(text).every((result: any) => !result.errors), `${label}\n${text.slice(0, 300)}`).toBe(true);
  },
});

Object.assign(FAMILIES, {
  oversizedBodies: (r: Random) => {
    const size = MAX_BODY_BYTES + 1 + r.int(MAX_BODY_BYTES);
    const headers: Record<string, string> = { "content-type": r.pick(BODY_TYPES) };
    if (r.next() < 0.5) headers["x-graphql-csrf"] = "1";
    return { path: r.pick(BODY_ROUTES), init: { method: "POST", headers, body: paddedBody(r, size) }, check: refusedWith("REQUEST_ENTITY_TOO_LARGE") };
  },
  chunkedBodies: (r: Random) => {
    const total = r.pick([MAX_BODY_BYTES - 1 - r.int(1000), MAX_BODY_BYTES, MAX_BODY_BYTES + 1, 3 * MAX_BODY_BYTES, 10 + r.int(5000)]);
    const bytes = new TextEncoder().encode(paddedBody(r, total));
    const step = 1 + r.int(40_000);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += step) controller.enqueue(bytes.slice(at, at + step));
        controller.close();
      },
    });
    const init = { method: "POST", headers: { "content-type": r.pick(BODY_TYPES), "x-graphql-csrf": "1" }, body, duplex: "half" } as RequestInit;
    return { path: r.pick(BODY_ROUTES), init, ...(bytes.length > MAX_BODY_BYTES && { check: refusedWith("REQUEST_ENTITY_TOO_LARGE") }) };
  },
  heavyBatches: (r: Random) => {
    const count = 2 + r.int(MAX_BATCH - 1);
    const pages = 1 + r.int(19);
    const aliases = 1 + r.int(MAX_ALIASES);
    const fields = 1 + r.int(MAX_TOKENS - 5);
    return r.pick([
      // 254.1875 per outer article (tests/limits.test.ts).
      () => batchOf(`{ articles(first: ${pages}) { nodes { author { articles(first: 10) { nodes { id } } } } } }`, 254.1875 * pages, count, MAX_COST, "MAX_COST_EXCEEDED"),
      () => batchOf(`{ ${Array.from({ length: aliases }, (_, i) => `a${i}: site { title }`).join(" ")} }`, aliases, count, MAX_ALIASES, "MAX_ALIASES_EXCEEDED"),
      () => batchOf(`{ site { ${"title ".repeat(fields)}} }`, fields + 5, count, MAX_TOKENS, "MAX_TOKENS_EXCEEDED"),
    ])();
  },
});

function generate(count: number): HostileRequest[] {
  const kinds = Object.keys(FAMILIES);
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length]!;
    return { kind, ...FAMILIES[kind]!(random) };
  });
}

let errorLog: MockInstance<typeof console.error>;
let warningLog: MockInstance<typeof console.warn>;
beforeEach(() => {
  errorLog = vi.spyOn(console, "error");
  warningLog = vi.spyOn(console, "warn");
});
afterEach(() => {
  errorLog.mockRestore();
  warningLog.mockRestore();
});

describe("hostile and malformed requests", () => {
  it(`answers ${REQUESTS} generated ones with coded client errors only: no 5xx, no INTERNAL_SERVER_ERROR, no error logged, no leak`, async () => {
    const requests = generate(REQUESTS);
    const statuses = new Map<string, number>();
    for (const [index, request] of requests.entries()) {
      const server = request.cached ? cachedYoga[request.cached] : random.next() < 0.5 ? caching : undefined;
      const response = await fetchYoga(request.path, request.init, server);
      const text = await response.text();
      const label = `#${index} ${request.kind} ${request.init.method} ${request.path.slice(0, 80)} ${typeof request.init.body === "string" ? request.init.body.slice(0, 120) : ""}`;
      expect(response.status, `${label}\n${text.slice(0, 300)}`).toBeLessThan(500);
      expect(errorLog.mock.calls.map(String), label).toEqual([]);
      expect(warningLog.mock.calls.map(String), label).toEqual([]);
      if (response.headers.get("content-type")?.startsWith("text/html") && text.slice(0, 2000).includes("<title>Lantern</title>")) {
        // GraphiQL (development only): a bundled page whose source mentions node_modules.
      } else {
        expect(text, label).not.toMatch(LEAKS);
        expect(text, label).not.toContain("INTERNAL_SERVER_ERROR");
        expect(text, label).not.toContain("originalError");
      }
      request.check?.(response.status, text, label);
      const key = `${request.kind} ${response.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);

      if (index % 100 === 99) {
        const health = await fetchYoga("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ site { title } }" }) });
        expect(await health.json()).toEqual({ data: { site: { title: "Anxiety Relief Project" } } });
      }
    }
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    console.log(`fuzz: ${requests.length} requests; status by family: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 120_000);
});
