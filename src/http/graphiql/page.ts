import { createHash } from "node:crypto";
import { graphiqlAssets } from "./assets.ts";
import { scriptJson } from "../../domain/script-json.ts";

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
