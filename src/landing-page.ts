import { readFileSync } from "node:fs";
import type { Plugin } from "graphql-yoga";
import { projectFile } from "./project-files.ts";

/** The README's "The API" section, as Markdown; undefined where the README was not deployed. */
function apiSection(): string | undefined {
  let readme: string;
  try {
    readme = readFileSync(projectFile("README.md"), "utf8");
  } catch {
    return undefined;
  }
  const start = readme.indexOf("\n## The API");
  if (start < 0) return readme;
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start + 1, end < 0 ? undefined : end);
}

function landingPage(graphiql: boolean): string {
  const links = [
    graphiql ? `<li><a href="/graphiql">GraphiQL</a>: write and run queries against this API</li>` : "",
    `<li><code>POST /graphql</code>: the GraphQL endpoint (GET for queries)</li>`,
    `<li><a href="/docs/api">The API</a>: conventions and example queries (from the README)</li>`,
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

/** GET / links what a person can open here; GET /docs/api serves the README's API section. */
export function landingPages(graphiql: boolean): Plugin {
  let docs: string | undefined;
  const page = landingPage(graphiql);
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      if (url.pathname === "/") {
        endResponse(new fetchAPI.Response(page, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" } }));
      } else if (url.pathname === "/docs/api") {
        docs ??= apiSection();
        endResponse(
          docs === undefined
            ? new fetchAPI.Response("Not found", { status: 404 })
            : new fetchAPI.Response(docs, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache" } }),
        );
      }
    },
  };
}
