import type { Plugin } from "graphql-yoga";
import { ASSET_PREFIX, graphiqlAssets, type Asset } from "./assets.ts";
import { graphiqlPage, type GraphiQLPage } from "./page.ts";
import { serveCached } from "../../platform/http/serve-cached.ts";

const LONG_CACHE = "public, max-age=31536000, immutable";

function assetResponse(asset: Asset, request: Request): Promise<Response> {
  return serveCached(request, {
    body: asset.identity,
    contentType: asset.type,
    cacheControl: LONG_CACHE,
    etag: asset.etag,
    encoded: { br: asset.brotli, gzip: asset.gzip },
  });
}

function pageResponse(page: GraphiQLPage, request: Request): Promise<Response> {
  // The page names the current assets, so the browser checks it on every load (a 304 when unchanged).
  return serveCached(request, { body: page.html, contentType: "text/html; charset=utf-8", cacheControl: "no-cache", etag: page.etag });
}

/** Where the page lives: not at the endpoint, whose cached copy every POST to it would evict. */
export const GRAPHIQL_PATH = "/graphiql";

/**
 * GraphiQL for browsers: GET `endpoint` with Accept: text/html redirects to /graphiql, a small
 * page, revalidated on each load, that loads GraphiQL's scripts and styles from fingerprinted
 * files under /graphiql/assets/, compressed (brotli or gzip) and cached for a year.
 */
export function serveGraphiQL(endpoint: string, examples: readonly string[]): Plugin {
  let page: GraphiQLPage | undefined;
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      if (url.pathname === endpoint && (request.headers.get("accept") ?? "").includes("text/html") && !url.search) {
        endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: GRAPHIQL_PATH, "cache-control": "no-cache" } }));
      } else if (url.pathname === GRAPHIQL_PATH) {
        page ??= graphiqlPage(endpoint, examples);
        endResponse(await pageResponse(page, request));
      } else if (url.pathname.startsWith(ASSET_PREFIX)) {
        const asset = graphiqlAssets().find((candidate) => candidate.path === url.pathname);
        endResponse(asset ? await assetResponse(asset, request) : new fetchAPI.Response("Not found", { status: 404 }));
      }
    },
  };
}
