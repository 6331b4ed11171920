import { getOperationAST, type GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { ResponseCache } from "./response-cache.ts";
import { responseId } from "./response-cache.ts";
import { collectKeys, recordingResponseKeys } from "./response-keys.ts";
import { MUTATION_EFFECTS, succeeded } from "./mutation-effects.ts";
import { PRIVATE, cachedHeaders, etagOf, matchesEtag } from "./http-headers.ts";
import { cacheKeys } from "./keys.ts";

interface Pending {
  id: string;
  version: number;
  keys: Set<string>;
  /** Whether every operation the request ran (one, or a batch) was a query; undefined before the first. */
  onlyQueries?: boolean;
}

const cacheOfRequest = new WeakMap<object, ResponseCache>();
const pendingOfRequest = new WeakMap<object, Pending>();
const servedFromCache = new WeakSet<object>();

/** Anonymous: no credentials at all. A request with any Authorization header is never cached nor served from cache. */
function isAnonymous(request: Request): boolean {
  return !request.headers.has("authorization") && !request.headers.has("cookie");
}

const wrapped = new WeakSet<GraphQLSchema>();

/**
 * The schema with the cache's hooks: query fields record the keys of what they show, and each
 * mutation field evicts what it affects (read before it runs and after) once it has succeeded.
 */
export function cachingSchema(schema: GraphQLSchema): GraphQLSchema {
  if (wrapped.has(schema)) return schema;
  wrapped.add(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    const effect = MUTATION_EFFECTS[field.name];
    // Every mutation states what it affects, or the cache could serve what it changed.
    if (!effect) throw new Error(`Mutation.${field.name} has no entry in MUTATION_EFFECTS (src/cache/mutation-effects.ts)`);
    if (!resolve) continue;
    field.resolve = async (root, args, ctx, info) => {
      const cache = cacheOfRequest.get(ctx.request);
      // Only editors change what anonymous callers see; nobody else's mutation costs the cache anything.
      if (!cache?.enabled || ctx.viewer.kind !== "token") return resolve(root, args, ctx, info);
      const before = await effect(args, cache.clock.now());
      // A refused or rolled-back mutation throws (or answers a refusal) and changed nothing: it evicts and purges nothing.
      const result = await resolve(root, args, ctx, info);
      if (!succeeded(result)) return result;
      const after = await effect(args, cache.clock.now()).catch(() => []);
      await cache.evict([...new Set([...before, ...after])]);
      return result;
    };
  }
  return recordingResponseKeys(schema);
}

/** A result, or a batch of them, with any error: not cached. */
function hasErrors(result: unknown): boolean {
  return Array.isArray(result) ? result.some(hasErrors) : typeof result === "object" && result !== null && "errors" in result;
}

/** `X-Cache` only with RESPONSE_CACHE_DEBUG_HEADERS: on public answers it would tell one client what others asked. */
function debugHeader(cache: ResponseCache, state: "HIT" | "MISS"): Record<string, string> {
  return cache.debugHeaders ? { "x-cache": state } : {};
}

/** Serves anonymous queries from `cache` and stores their answers; sets HTTP caching headers. */
export function responseCachePlugin(cache: ResponseCache, graphqlPath = "/graphql"): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlPath) return;
      cacheOfRequest.set(request, cache);
      cache.startSchedule();
      const method = request.method;
      if (!cache.enabled || !isAnonymous(request) || (method !== "GET" && method !== "POST")) return;
      if ((request.headers.get("accept") ?? "").includes("text/event-stream")) return;
      const text = method === "GET" ? url.search : await request.clone().text();
      const id = responseId([method, request.headers.get("accept") ?? "", text]);
      const now = cache.clock.now();
      const { response, version } = await cache.store.get(id, now.getTime());
      // A hit looks like the miss that would replace it (same max-age, same 304): it tells nobody what others asked.
      const ttl = response ? await cache.ttlMs(now) : 0;
      if (response && ttl >= 1000) {
        cache.count("hit");
        const headers = { "content-type": response.contentType, ...debugHeader(cache, "HIT"), ...cachedHeaders(response.etag, response.keys, Math.floor(ttl / 1000), method) };
        const fresh = method === "GET" && matchesEtag(request.headers.get("if-none-match"), response.etag);
        servedFromCache.add(request);
        const length: Record<string, string> = fresh ? {} : { "content-length": String(Buffer.byteLength(response.body)) };
        endResponse(new Response(fresh ? null : response.body, { status: fresh ? 304 : 200, headers: { ...headers, ...length } }));
        return;
      }
      pendingOfRequest.set(request, { id, version, keys: collectKeys(request) });
    },
    onExecute({ args }) {
      const pending = pendingOfRequest.get(args.contextValue.request);
      if (pending) pending.onlyQueries = (pending.onlyQueries ?? true) && getOperationAST(args.document, args.operationName)?.operation === "query";
    },
    async onResponse({ request, response, setResponse }) {
      if (!cacheOfRequest.has(request) || servedFromCache.has(request)) return;
      const pending = pendingOfRequest.get(request);
      const storable =
        pending?.onlyQueries &&
        !pending.keys.has(cacheKeys.noStore) &&
        response.status === 200 &&
        (response.headers.get("content-type") ?? "").startsWith("application/");
      if (!pending || !storable) {
        if (!response.headers.has("cache-control")) response.headers.set("cache-control", PRIVATE);
        cache.count("bypass");
        return;
      }
      const body = await response.clone().text();
      if (body.includes('"errors"') && hasErrors(JSON.parse(body))) {
        response.headers.set("cache-control", PRIVATE);
        cache.count("bypass");
        return;
      }
      const now = cache.clock.now();
      const ttl = await cache.ttlMs(now);
      if (ttl < 1000) {
        response.headers.set("cache-control", PRIVATE);
        cache.count("bypass");
        return;
      }
      cache.count("miss");
      const keys = [...pending.keys].sort();
      const etag = etagOf(body);
      const maxAge = Math.floor(ttl / 1000);
      for (const [name, value] of Object.entries({ ...debugHeader(cache, "MISS"), ...cachedHeaders(etag, keys, maxAge, request.method) })) response.headers.set(name, value);
      const contentType = response.headers.get("content-type")!;
      await cache.store.set(pending.id, { body, contentType, etag, keys, expiresAt: now.getTime() + ttl }, now.getTime(), pending.version);
      if (request.method === "GET" && matchesEtag(request.headers.get("if-none-match"), etag)) setResponse(new Response(null, { status: 304, headers: response.headers }));
    },
  };
}
