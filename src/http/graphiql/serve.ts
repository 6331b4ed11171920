import type { Plugin } from "graphql-yoga";
import { ASSET_PREFIX, graphiqlAssets, type Asset } from "./assets.ts";
import { graphiqlPage, type GraphiQLPage } from "./page.ts";
import { matchesEtag } from "../../platform/http/etag.ts";

const LONG_CACHE = "public, max-age=31536000, immutable";

function accepts(request: Request, encoding: string): boolean {
  return (request.headers.get("accept-encoding") ?? "").split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    return name === encoding && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

function notModified(request: Request, etag: string): boolean {
  return (request.headers.get("if-none-match") ?? "").split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

async function assetResponse(asset: Asset, request: Request, fetchAPI: { Response: typeof Response }): Promise<Response> {
  const headers: Record<string, string> = { "content-type": asset.type, "cache-control": LONG_CACHE, etag: asset.etag, vary: "accept-encoding" };
  if (notModified(request, asset.etag)) return new fetchAPI.Response(null, { status: 304, headers });
  let body = asset.identity;
  if (accepts(request, "br")) [body, headers["content-encoding"]] = [await asset.brotli(), "br"];
  else if (accepts(request, "gzip")) [body, headers["content-encoding"]] = [await asset.gzip(), "gzip"];
  return new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers: { ...headers, "content-length": String(body.length) } });
}

function pageResponse(page: GraphiQLPage, request: Request, fetchAPI: { Response: typeof Response }): Response {
  // The page names the current assets, so the browser checks it on every load (a 304 when unchanged).
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", etag: page.etag };
  // The tag a browser sends back may be that of the compressed variant it was given.
  if (matchesEtag(request.headers.get("if-none-match"), page.etag)) return new fetchAPI.Response(null, { status: 304, headers });
  return new fetchAPI.Response(request.method === "HEAD" ? null : page.html, { status: 200, headers });
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
        endResponse(pageResponse(page, request, fetchAPI));
      } else if (url.pathname.startsWith(ASSET_PREFIX)) {
        const asset = graphiqlAssets().find((candidate) => candidate.path === url.pathname);
        endResponse(asset ? await assetResponse(asset, request, fetchAPI) : new fetchAPI.Response("Not found", { status: 404 }));
      }
    },
  };
}
