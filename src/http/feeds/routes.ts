import type { Plugin } from "graphql-yoga";
import { checkDatabaseFile } from "../../db/client.ts";
import type { Clock } from "../../platform/clock.ts";
import { atomFeed } from "./atom.ts";
import { sitemapDocument, sitemapEntries, sitemapPartExists, sitemapUrlCount } from "./sitemap.ts";
import { responseId, type ResponseCache } from "../../cache/response-cache.ts";
import { publicFeedKeys } from "../../domain/cache-keys.ts";
import { cachedHeaders, etagOf, matchesEtag } from "../../platform/http/etag.ts";

// Part numbers as the index writes them: no sign, no leading zero, at most six digits.
const PART = /^\/sitemap-([1-9]\d{0,5})\.xml$/;
const NOT_FOUND = "Not Found";

/**
 * GET /sitemap.xml (and /sitemap-N.xml past 50,000 URLs) and GET /feed.xml, built from published
 * content only, with the clock the GraphQL requests use. They are kept in the response cache
 * (when it is on) under `publicFeedKeys`, evicted and purged with it, and never past the next
 * scheduled change.
 */
export function publicFeeds(clock: Clock, cache: ResponseCache): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const part = PART.exec(url.pathname);
      const isFeed = url.pathname === "/feed.xml";
      if (!isFeed && url.pathname !== "/sitemap.xml" && !part) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      if (!(await checkDatabaseFile())) {
        const headers = { "content-type": "text/plain; charset=utf-8", "retry-after": "5" };
        endResponse(new fetchAPI.Response("The service is temporarily unavailable; try again shortly", { status: 503, headers }));
        return;
      }
      cache.startSchedule();
      const now = clock.now();
      const id = responseId(["public feed", url.pathname]);
      const { response: cached, version } = cache.enabled ? await cache.store.get(id, now.getTime()) : { response: undefined, version: 0 };
      let answer = cached;
      if (!answer) {
        const partNumber = part ? Number(part[1]) : null;
        // A part is looked for by counting, never by listing the site; its absence is cached like an answer.
        const missing = partNumber !== null && !sitemapPartExists(partNumber, await sitemapUrlCount(now));
        const body = missing ? null : isFeed ? await atomFeed(now) : sitemapDocument(await sitemapEntries(now), partNumber);
        const ttl = cache.enabled ? await cache.ttlMs(now) : 0;
        const contentType = body === null ? "text/plain; charset=utf-8" : `${isFeed ? "application/atom+xml" : "application/xml"}; charset=utf-8`;
        const text = body ?? NOT_FOUND;
        answer = { body: text, contentType, etag: etagOf(text), keys: publicFeedKeys, expiresAt: now.getTime() + ttl, ...(body === null ? { status: 404 } : {}) };
        if (ttl >= 1000) await cache.store.set(id, answer, now.getTime(), version);
      }
      const maxAge = Math.max(0, Math.floor((answer.expiresAt - now.getTime()) / 1000));
      const headers = { "content-type": answer.contentType, ...cachedHeaders(answer.etag, answer.keys, maxAge, "GET") };
      const status = answer.status ?? 200;
      const fresh = status === 200 && matchesEtag(request.headers.get("if-none-match"), answer.etag);
      const withBody = request.method !== "HEAD" && !fresh;
      endResponse(new fetchAPI.Response(withBody ? answer.body : null, { status: fresh ? 304 : status, headers }));
    },
  };
}
