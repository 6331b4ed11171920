import { createHash } from "node:crypto";
import { graphiqlAssets } from "./assets.ts";
import { scriptJson } from "../../domain/script-json.ts";

/** A lantern, inline: without an icon the browser asks for /favicon.ico, and logs the 404 as an error. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="4" y="3" width="8" height="11" rx="2" fill="#f5a623"/><rect x="6" y="1" width="4" height="2" fill="#444"/></svg>')}`;

export interface GraphiQLPage {
  html: string;
  etag: string;
}

/** The GraphiQL page: a few hundred bytes of HTML that load the fingerprinted assets; one tab per example. */
export function graphiqlPage(endpoint: string, examples: readonly string[]): GraphiQLPage {
  const assets = graphiqlAssets();
  const scripts = assets.filter((asset) => asset.path.endsWith(".js"));
  const styles = assets.filter((asset) => asset.path.endsWith(".css"));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lantern</title>
<link rel="icon" href="${FAVICON}">
${styles.map((asset) => `<link rel="stylesheet" href="${asset.path}">`).join("\n")}
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL...</div>
${scripts.map((asset) => `<script src="${asset.path}"></script>`).join("\n")}
<script>
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: ${scriptJson(endpoint)} }),
    defaultQuery: ${scriptJson(examples[0])},
    defaultTabs: ${scriptJson(examples.map((query) => ({ query })))},
    defaultEditorToolsVisibility: true,
  }),
);
</script>
</body>
</html>
`;
  return { html, etag: `"${createHash("sha256").update(html).digest("hex").slice(0, 16)}"` };
}
