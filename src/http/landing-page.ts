import { readFileSync } from "node:fs";
import type { Plugin } from "graphql-yoga";
import { markdownPage } from "./markdown.ts";
import { projectFile } from "../platform/project-files.ts";
import { serveCached } from "../platform/http/serve-cached.ts";

/** docs/api.md as an HTML page; undefined where the docs were not deployed. */
function apiPage(): string | undefined {
  try {
    return markdownPage(readFileSync(projectFile("docs/api.md"), "utf8"));
  } catch {
    return undefined;
  }
}

function landingPage(graphiql: boolean): string {
  const links = [
    graphiql ? `<li><a href="/graphiql">GraphiQL</a>: write and run queries against this API</li>` : "",
    `<li><code>POST /graphql</code>: the GraphQL endpoint (GET for queries)</li>`,
    `<li><a href="/docs/api">The API</a>: conventions and example queries (docs/api.md)</li>`,
    `<li><a href="/health">/health</a>: the process is up; <a href="/ready">/ready</a>: it can reach its database</li>`,
  ];
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Lantern</title></head>
<body>
<h1>Lantern</h1>
<p>A GraphQL content API.</p>
<ul>
${links.filter(Boolean).join("\n")}
</ul>
</body>
</html>
`;
}

/** Revalidated on every load: a 304 until the server restarts with other docs. */
const html = (request: Request, body: string) => serveCached(request, { body, contentType: "text/html; charset=utf-8", cacheControl: "no-cache" });

/** GET / links what a person can open here; GET /docs/api serves docs/api.md, rendered when the server starts. */
export function landingPages(graphiql: boolean): Plugin {
  const page = landingPage(graphiql);
  const docs = apiPage();
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- Yoga passes hook callbacks as closures, made to be destructured
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      if (url.pathname === "/") {
        endResponse(await html(request, page));
      } else if (url.pathname === "/docs/api") {
        endResponse(docs === undefined ? new fetchAPI.Response("Not found", { status: 404 }) : await html(request, docs));
      }
    },
  };
}
