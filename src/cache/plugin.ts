import { OperationTypeNode, getOperationAST, type DocumentNode, type GraphQLSchema } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { ResponseCache } from "./response-cache.ts";
import { lookUp, storeAnswer, type CacheLookup } from "./cached-answer.ts";
import { responseId } from "./response-cache.ts";
import { collectKeys } from "./response-keys.ts";
import { MUTATION_EFFECTS, succeeded } from "../changes/mutation-effects.ts";
import { committedChanges } from "../changes/recording.ts";
import { PRIVATE, cacheKeyHeaders, sharedCacheControl } from "../platform/http/etag.ts";
import { serveCached } from "../platform/http/serve-cached.ts";
import { cacheKeys } from "../domain/cache-keys.ts";
import { carriesCredentials, previewTokenOf, isEditor, type Viewer } from "../domain/viewer.ts";

interface Pending {
  id: string;
  keys: Set<string>;
  /** How many operations the request sends (a batch, or one). */
  operations: number;
  /** Looked up once an operation has passed every check, so a refused request costs the store nothing. */
  lookup?: Promise<CacheLookup>;
  /** Operations not run because the cache holds the answer. */
  answeredFromCache: number;
  /** Whether every operation the request ran (one, or a batch) was a query; undefined before the first. */
  onlyQueries?: boolean;
}

const cacheOfRequest = new WeakMap<object, ResponseCache>();
const pendingOfRequest = new WeakMap<object, Pending>();

/**
 * What an operation answered from the cache returns. It is replaced by the cached answer once
 * every operation of the request was; it shows only when another operation of the batch was
 * refused (by a check that did not refuse the same request when its answer was cached).
 */
const NOT_RUN = { errors: [createGraphQLError("Not run: another operation of this batch was refused", { extensions: { code: "BAD_REQUEST" } })] };


/**
 * Each mutation field evicts, once it has committed, the cache keys its changes recorded in the
 * change log (src/changes/recording.ts, the step outside this one): eviction on the mutating
 * instance stays immediate. A step of the server's schema (src/app/schema-steps.ts).
 */
export function evictingAfterMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    // Every mutation states what it affects, or the cache could serve what it changed.
    if (!MUTATION_EFFECTS[field.name]) throw new Error(`Mutation.${field.name} has no entry in MUTATION_EFFECTS (src/changes/mutation-effects.ts)`);
    if (!resolve) continue;
    field.resolve = async (root, args: Record<string, unknown>, ctx: { request: object; viewer: Viewer }, info) => {
      const cache = cacheOfRequest.get(ctx.request);
      const seen = committedChanges().length;
      // A refused or rolled-back mutation throws (or answers a refusal) and appended nothing: it evicts and purges nothing.
      const result: unknown = await resolve(root, args, ctx, info);
      if (!cache?.enabled || !isEditor(ctx.viewer) || !succeeded(result)) return result;
      const keys = new Set(committedChanges().slice(seen).flatMap((change) => change.cacheKeys));
      await cache.evict([...keys]);
      return result;
    };
  }
  return schema;
}

/** A result, or a batch of them, with any error: not cached. */
function hasErrors(result: unknown): boolean {
  return Array.isArray(result) ? result.some(hasErrors) : typeof result === "object" && result !== null && "errors" in result;
}

/** `X-Cache` only with RESPONSE_CACHE_DEBUG_HEADERS: on public answers it would tell one client what others asked. */
function debugHeader(cache: ResponseCache, state: "HIT" | "MISS"): Record<string, string> {
  return cache.debugHeaders ? { "x-cache": state } : {};
}

/** Where an anonymous GraphQL request's answer is kept: by method, Accept, query string and body. */
export async function requestCacheId(request: Request): Promise<string> {
  // The body was read, at most MAX_BODY_BYTES of it, before any plugin (src/platform/http/request-body.ts).
  const body = request.method === "GET" ? "" : await request.clone().text();
  return responseId([request.method, request.headers.get("accept") ?? "", new URL(request.url).search, body]);
}

/**
 * Serves anonymous queries from `cache` and stores their answers; sets HTTP caching headers.
 * An answer is looked up only as an operation is about to run, after every check that refuses
 * requests (CSRF, trusted documents, request input, limits: the plugins before this one, and
 * graphql-js's validation): each operation that gets there is not run, and once all of a
 * request's operations got there, the cached answer is sent in place of the request's.
 */
export function responseCachePlugin(cache: ResponseCache, graphqlPath = "/graphql"): Plugin {
  return {
    async onRequest({ request, url }) {
      if (url.pathname !== graphqlPath) return;
      cacheOfRequest.set(request, cache);
      cache.startSchedule();
      const method = request.method;
      if (!cache.enabled || carriesCredentials(request.headers) || (method !== "GET" && method !== "POST")) return;
      if ((request.headers.get("accept") ?? "").includes("text/event-stream")) return;
      pendingOfRequest.set(request, { id: await requestCacheId(request), keys: collectKeys(request), operations: 1, answeredFromCache: 0 });
    },
    onRequestParse({ request }) {
      const pending = pendingOfRequest.get(request);
      if (!pending) return;
      return {
        onRequestParseDone({ requestParserResult }) {
          pending.operations = Array.isArray(requestParserResult) ? requestParserResult.length : 1;
        },
      };
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const pending = pendingOfRequest.get(args.contextValue.request);
      if (!pending) return;
      const isQuery = getOperationAST(args.document as DocumentNode, args.operationName as string | undefined)?.operation === OperationTypeNode.QUERY;
      pending.onlyQueries = (pending.onlyQueries ?? true) && isQuery;
      if (!isQuery) return;
      pending.lookup ??= lookUp(cache, pending.id, cache.clock.now());
      if ((await pending.lookup).servable) {
        pending.answeredFromCache += 1;
        setResultAndStopExecution(NOT_RUN);
      }
    },
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onResponse({ request, response, setResponse }) {
      if (!cacheOfRequest.has(request)) return;
      if (previewTokenOf(request.headers) != null) {
        // A preview shows what readers may not see: for its holder alone, never indexed, never kept
        // (carriesCredentials kept it out of the cache), and with no keys for a CDN to file it under.
        response.headers.set("cache-control", PRIVATE);
        response.headers.set("x-robots-tag", "noindex");
        response.headers.delete("surrogate-key");
        response.headers.delete("xkey");
        cache.count("bypass");
        return;
      }
      const pending = pendingOfRequest.get(request);
      const lookup = pending?.lookup && (await pending.lookup);
      if (pending && lookup?.servable && pending.answeredFromCache === pending.operations) {
        const cached = lookup.response!;
        cache.count("hit");
        // A hit looks like the miss that would replace it (same headers, max-age, length and 304): it tells nobody what others asked.
        const cacheControl = sharedCacheControl(Math.floor(lookup.ttl / 1000), request.method);
        const headers = { ...debugHeader(cache, "HIT"), ...cacheKeyHeaders(cached.keys) };
        setResponse(await serveCached(request, { body: cached.body, contentType: cached.contentType, etag: cached.etag, cacheControl, headers }));
        return;
      }
      const storable =
        lookup &&
        !lookup.servable &&
        pending.onlyQueries &&
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
      const keys = [...pending.keys].sort();
      const contentType = response.headers.get("content-type")!;
      const { stored, kept, maxAge } = await storeAnswer(cache, pending.id, cache.clock.now(), lookup.version, { body, contentType, keys });
      if (!kept) {
        response.headers.set("cache-control", PRIVATE);
        cache.count("bypass");
        return;
      }
      cache.count("miss");
      const headers = { ...Object.fromEntries(response.headers), ...debugHeader(cache, "MISS"), ...cacheKeyHeaders(keys) };
      setResponse(await serveCached(request, { body, contentType, etag: stored.etag, cacheControl: sharedCacheControl(maxAge, request.method), headers }));
    },
  };
}
