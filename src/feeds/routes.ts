import type { Plugin } from "graphql-yoga";
import { checkDatabaseFile } from "../db.ts";
import type { Clock } from "../clock.ts";
import { atomFeed } from "./atom.ts";
import { sitemapDocument, sitemapEntries } from "./sitemap.ts";

const PART = /^\/sitemap-(\d{1,6})\.xml$/;

/**
 * GET /sitemap.xml (and /sitemap-N.xml past 50,000 URLs) and GET /feed.xml, built from published
 * content only, with the clock the GraphQL requests use.
 */
export function publicFeeds(clock: Clock): Plugin {
  return {
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
      const now = clock.now();
      const body = isFeed ? await atomFeed(now) : sitemapDocument(await sitemapEntries(now), part ? Number(part[1]) : null);
      if (body === null) {
        endResponse(new fetchAPI.Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
        return;
      }
      const type = isFeed ? "application/atom+xml" : "application/xml";
      endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : body, {
          headers: { "content-type": `${type}; charset=utf-8`, "cache-control": "public, max-age=300" },
        }),
      );
    },
  };
}
