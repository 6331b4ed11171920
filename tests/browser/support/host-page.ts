import { createServer, type Server } from "node:http";

export interface HostPage {
  origin: string;
  /** The policy reports the browser sent to the page's report-uri. */
  reports: unknown[];
  /** Serves `script` as /featured.js (a copy of the widget hosted by the page's own site). */
  hostScript(script: string): void;
  close(): Promise<void>;
}

export interface HostPageOptions {
  /** Where the page loads the widget from. */
  scriptSrc: string;
  /** The attributes of <lantern-featured>. */
  attributes: Record<string, string | true>;
  /** Origins the policy lets the page load scripts from and connect to, besides its own. */
  lanternOrigin: string;
}

/** The strict policy of a host page: nothing inline, no eval, trusted types, nothing but these origins. */
export function strictPolicy(lanternOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${lanternOrigin}`,
    `connect-src 'self' ${lanternOrigin}`,
    "style-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "report-uri /csp-report",
  ].join("; ");
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function html({ scriptSrc, attributes }: HostPageOptions): string {
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => (value === true ? name : `${name}="${escape(value)}"`))
    .join(" ");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A site that embeds Lantern's featured article</title>
  <link rel="stylesheet" href="/host.css">
  <script src="${escape(scriptSrc)}" defer></script>
</head>
<body>
  <header><p class="site-title">Someone else's site</p></header>
  <div class="columns">
    <main><h1>An article of theirs</h1><p>Their own words, which the widget must never move.</p></main>
    <aside aria-label="Sidebar">
      <section id="featured"><h2>Featured Article</h2><lantern-featured ${attributeText}></lantern-featured></section>
      <section id="after"><h2>Below the widget</h2><p>This box must not move when the widget loads or fails.</p></section>
    </aside>
  </div>
</body>
</html>`;
}

const CSS = `body { margin: 0; font-family: "DejaVu Serif", serif; font-size: 16px; color: #222; background: #fff; }
header, .columns { max-width: 960px; margin: 0 auto; padding: 0 16px; }
.columns { display: flex; gap: 32px; }
main { flex: 1; }
aside { flex: 0 0 320px; }
section { border: 1px solid #ccc; padding: 12px 16px; margin-bottom: 16px; }
lantern-featured:not(:defined) { display: block; block-size: 14em; }
lantern-featured { --lantern-featured-link-color: #0b5394; }
lantern-featured::part(byline) { font-style: italic; }`;

/** A page of another site (another origin) embedding the widget, served with a strict policy. */
export async function startHostPage(options: HostPageOptions): Promise<HostPage & { setOptions(next: HostPageOptions): void }> {
  let current = options;
  let hostedScript = "";
  const reports: unknown[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url!, "http://host.test").pathname;
    if (path === "/csp-report" && request.method === "POST") {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        reports.push(JSON.parse(body || "null"));
        response.writeHead(204).end();
      });
      return;
    }
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": strictPolicy(current.lanternOrigin) });
      response.end(html(current));
    } else if (path === "/host.css") {
      response.writeHead(200, { "content-type": "text/css" }).end(CSS);
    } else if (path === "/featured.js" && hostedScript) {
      response.writeHead(200, { "content-type": "text/javascript" }).end(hostedScript);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    reports,
    setOptions: (next) => (current = next),
    hostScript: (script) => (hostedScript = script),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
