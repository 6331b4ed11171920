import { etagOf, matchesEtag } from "../../platform/http/etag.ts";
import { readFileSync } from "node:fs";
import type { Plugin } from "graphql-yoga";
import { loadTrustedDocuments } from "../../graphql/safety/trusted-documents.ts";
import { projectFile } from "../../platform/project-files.ts";

interface StaticFile {
  body: string;
  headers: Record<string, string>;
}

/** The demo page's own strict policy: the widget needs nothing more. */
export const DEMO_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// By the project's path, so the production bundle (dist/) finds them too.
const source = (name: string) => readFileSync(projectFile(`src/http/widget/${name}`), "utf8");

function hashOf(registry: Map<string, string>, pattern: RegExp): string {
  const entry = [...registry].find(([, document]) => pattern.test(document));
  if (!entry) throw new Error(`persisted-operations.json has no operation matching ${pattern}: run npm run operations:build`);
  return entry[0];
}

/** The widget with the hashes of the registered operations it calls. */
export function widgetScript(registry = loadTrustedDocuments()): string {
  return source("featured.js")
    .replace("%FEATURED_WIDGET_HASH%", hashOf(registry, /^query FeaturedWidget\(/))
    .replace("%FEATURED_WIDGET_CHANGED_HASH%", hashOf(registry, /^subscription FeaturedWidgetChanged\(/));
}

function staticFile(body: string, headers: Record<string, string>): StaticFile {
  return { body, headers: { ...headers, etag: etagOf(body), "x-content-type-options": "nosniff" } };
}

/**
 * GET /widget/featured.js (the embeddable <lantern-featured> element, usable from any origin),
 * /widget/demo (a page laid out like the demo site's, with the widget in its sidebar) and the
 * demo's stylesheet.
 */
export function widgetRoutes(): Plugin {
  const files = new Map<string, StaticFile>([
    [
      "/widget/featured.js",
      staticFile(widgetScript(), {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "public, max-age=300",
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
      }),
    ],
    [
      "/widget/demo",
      staticFile(source("demo.html"), {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-cache",
        "content-security-policy": DEMO_CONTENT_SECURITY_POLICY,
      }),
    ],
    ["/widget/demo.css", staticFile(source("demo.css"), { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" })],
  ]);

  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const file = files.get(new URL(request.url).pathname);
      if (!file) return;
      // Compressed answers carry a variant of the tag (src/platform/http/compression.ts); it matches too.
      const notModified = matchesEtag(request.headers.get("if-none-match"), file.headers.etag!);
      endResponse(
        new fetchAPI.Response(notModified || request.method === "HEAD" ? null : file.body, {
          status: notModified ? 304 : 200,
          headers: file.headers,
        }),
      );
    },
  };
}
