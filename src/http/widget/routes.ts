import { readFileSync } from "node:fs";
import type { Plugin } from "graphql-yoga";
import { loadTrustedDocuments } from "../../graphql/safety/trusted-documents.ts";
import { projectFile } from "../../platform/project-files.ts";
import { etagOf } from "../../platform/http/etag.ts";
import { serveCached, type Cacheable } from "../../platform/http/serve-cached.ts";

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

function staticFile(body: string, contentType: string, cacheControl: string, headers: Record<string, string> = {}): Cacheable {
  return { body, contentType, cacheControl, etag: etagOf(body), headers: { ...headers, "x-content-type-options": "nosniff" } };
}

/**
 * GET /widget/featured.js (the embeddable <lantern-featured> element, usable from any origin),
 * /widget/demo (a page laid out like the demo site's, with the widget in its sidebar) and the
 * demo's stylesheet.
 */
export function widgetRoutes(): Plugin {
  const files = new Map<string, Cacheable>([
    [
      "/widget/featured.js",
      staticFile(widgetScript(), "text/javascript; charset=utf-8", "public, max-age=300", {
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
      }),
    ],
    [
      "/widget/demo",
      staticFile(source("demo.html"), "text/html; charset=utf-8", "no-cache", {
        "content-security-policy": DEMO_CONTENT_SECURITY_POLICY,
      }),
    ],
    ["/widget/demo.css", staticFile(source("demo.css"), "text/css; charset=utf-8", "no-cache")],
  ]);

  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const file = files.get(new URL(request.url).pathname);
      if (file) endResponse(await serveCached(request, file));
    },
  };
}
