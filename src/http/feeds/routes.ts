import type { Plugin } from "graphql-yoga";
import { checkDatabaseFile } from "../../db/client.ts";
import type { Clock } from "../../platform/clock.ts";
import { atomFeed } from "./atom.ts";
import { sitemapDocument } from "./sitemap.ts";
import { responseId, type ResponseCache } from "../../cache/response-cache.ts";
import { cachedOrBuilt } from "../../cache/cached-answer.ts";
import { publicFeedKeys } from "../../domain/cache-keys.ts";
import { cacheKeyHeaders, sharedCacheControl } from "../../platform/http/etag.ts";
import { serveCached } from "../../platform/http/serve-cached.ts";

// Part numbers as the index writes them: no sign, no leading zero, at most six digits.
const PART = /^\/sitemap-([1-9]\d{0,5})\.xml$/;
const NOT_FOUND = "Not Found";

/**
 * GET /sitemap.xml (and /sitemap-N.xml past 50,000 URLs) and GET /feed.xml, built from published
 * content only, with the clock the GraphQL requests use. They are kept in the response cache
 * (when it is on) under `publicFeedKeys`, evicted and purged with it, and never past the next
 * scheduled change. Their absolute URLs start with `siteUrl`, this server's SITE_URL.
 */
export function publicFeeds(siteUrl: string, clock: Clock, cache: ResponseCache): Plugin {
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
      const partNumber = part ? Number(part[1]) : null;
      const { answer, maxAge } = await cachedOrBuilt(cache, responseId(["public feed", url.pathname]), now, async () => {
        if (isFeed) return { body: await atomFeed(siteUrl, now), contentType: "application/atom+xml; charset=utf-8", keys: publicFeedKeys };
        const body = await sitemapDocument(siteUrl, now, partNumber);
        // A part that does not exist is found by counting, and its absence is cached like an answer.
        if (body === null) return { body: NOT_FOUND, contentType: "text/plain; charset=utf-8", keys: publicFeedKeys, status: 404 };
        return { body, contentType: "application/xml; charset=utf-8", keys: publicFeedKeys };
      });
      const { body, contentType, etag, keys, status } = answer;
      endResponse(await serveCached(request, { body, contentType, etag, status, cacheControl: sharedCacheControl(maxAge, "GET"), headers: cacheKeyHeaders(keys) }));
    },
  };
}
