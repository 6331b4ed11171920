import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { createPrismaClient, sqliteFilePath } from "../../src/db/client.ts";
import { createApiToken } from "../../src/auth/tokens.ts";
import { startServerProcess, type ServerProcess } from "../support/server-process.ts";
import { postGraphql } from "../support/graphql-client.ts";
import { launchChromium } from "./support/browser.ts";
import { startHostPage } from "./support/host-page.ts";

const ARTIFACTS = join(process.cwd(), "artifacts", "browser");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SET_FEATURED = `mutation ($slot: String!, $items: [FeaturedItemInput!]!) { setFeatured(slot: $slot, items: $items) { slot } }`;

let lantern: ServerProcess;
let editorToken: string;
let articleIds: string[];
let browser: Browser;
let host: Awaited<ReturnType<typeof startHostPage>>;

/** The seeded database with an editor's token of its own, for the server to start from. */
async function databaseWithEditor() {
  const file = join(mkdtempSync(join(tmpdir(), "lantern-widget-")), "lantern.db");
  copyFileSync(sqliteFilePath(inject("templateDatabaseUrl")), file);
  const prisma = createPrismaClient(`file:${file}`);
  const { token } = await createApiToken(prisma, { name: "Widget tests", role: "editor" });
  const articles = await prisma.article.findMany({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } }, orderBy: { id: "asc" }, take: 3 });
  await prisma.$disconnect();
  return { file, token, articleIds: articles.map((article) => encodeGlobalID("Article", article.id)) };
}

async function setFeatured(slot: string, items: Record<string, string>[]) {
  const { body } = await postGraphql(lantern.url, SET_FEATURED, { slot, items }, { authorization: `Bearer ${editorToken}` });
  expect(body.errors).toBeUndefined();
}

interface Watched {
  page: Page;
  /** Resolves once the page has an open event stream (a live widget's subscription). */
  subscribed: () => Promise<void>;
  /** Uncaught exceptions and console errors other than failed loads. */
  problems: string[];
  violations: () => Promise<string[]>;
}

async function openPage(url: string): Promise<Watched> {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC", viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  let streams = 0;
  page.on("response", (response) => {
    if (response.headers()["content-type"]?.startsWith("text/event-stream")) streams++;
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as any).__violations = []);
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url);
  return {
    page,
    problems,
    subscribed: () => expect.poll(() => streams, { timeout: 5000 }).toBeGreaterThan(0),
    violations: () => page.evaluate(() => (window as any).__violations as string[]),
  };
}

function hostPage(attributes: Record<string, string | true>, scriptSrc = `${lantern.url}/widget/featured.js`) {
  host.setOptions({ scriptSrc, attributes, lanternOrigin: lantern.url });
  return openPage(`${host.origin}/`);
}

/** What the widget shows, read from its shadow root. */
function shown(page: Page) {
  return page.locator("lantern-featured").first().evaluate((element) => {
    const root = element.shadowRoot!;
    const part = (name: string) => root.querySelector(`[part~="${name}"]`);
    return {
      titles: [...root.querySelectorAll('[part~="link"]')].map((link) => link.textContent),
      href: (part("link") as HTMLAnchorElement | null)?.href,
      datetime: part("date")?.getAttribute("datetime"),
      date: part("date")?.textContent,
      byline: part("byline")?.textContent,
      excerpt: part("excerpt")?.textContent,
      fallback: part("fallback") !== null,
      fallbackText: (part("fallback")?.querySelector("slot") as HTMLSlotElement | null)?.assignedNodes({ flatten: true }).map((node) => node.textContent).join("") ||
        part("fallback")?.textContent,
      elements: [...root.querySelectorAll("*")].map((node) => node.localName),
    };
  });
}

async function waitForTitle(page: Page, title: string, timeout: number) {
  await page.waitForFunction(
    (expected) => [...(document.querySelector("lantern-featured")?.shadowRoot?.querySelectorAll('[part~="link"]') ?? [])].some((link) => link.textContent === expected),
    title,
    { timeout },
  );
}

/** Waits for the fallback; resolves to when it was seen, in ms since the page's navigation began. */
const waitForFallback = async (page: Page, timeout: number): Promise<number> =>
  (await page.waitForFunction(
    () => document.querySelector("lantern-featured")?.shadowRoot?.querySelector('[part~="fallback"]') != null && performance.now(),
    null,
    { timeout },
  )).jsonValue() as Promise<number>;

/** The boxes of the host page's elements around the widget. */
function layout(page: Page) {
  return page.evaluate(() =>
    ["lantern-featured", "#featured", "#after", "aside", "main"].map((selector) => {
      const { x, y, width, height } = document.querySelector(selector)!.getBoundingClientRect();
      return { selector, x, y, width, height };
    }),
  );
}

const defined = (page: Page) => page.evaluate(() => customElements.whenDefined("lantern-featured").then(() => undefined));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const database = await databaseWithEditor();
  editorToken = database.token;
  articleIds = database.articleIds;
  lantern = await startServerProcess({ templateDatabase: database.file, env: { NODE_ENV: "production", TRUSTED_DOCUMENTS: "anonymous" } });
  browser = await launchChromium();
  host = await startHostPage({ scriptSrc: "", attributes: {}, lanternOrigin: lantern.url });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (lantern?.child.exitCode === null) lantern.child.kill("SIGKILL");
});

describe("<lantern-featured> in headless Chromium", () => {
  it("renders the seeded featured article with its title, date, byline and link, on another origin, without moving the page", async () => {
    const { page, problems, violations } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql` });
    await defined(page);
    const before = await layout(page);
    await waitForTitle(page, "The Power of Exercise to Change the Brain", 3000);
    expect(await shown(page)).toMatchObject({
      titles: ["The Power of Exercise to Change the Brain"],
      href: `${host.origin}/the-power-of-exercise-to-change-the-brain/`,
      datetime: "2019-07-05T12:00:00.000Z",
      date: "July 5, 2019",
      byline: "By ARP Staff",
      excerpt: expect.stringContaining("Wendy Suzuki"),
      fallback: false,
    });
    expect(await layout(page)).toEqual(before);
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it("inherits the host page's font and takes its custom properties and ::part() rules", async () => {
    const { page } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql` });
    await waitForTitle(page, "The Power of Exercise to Change the Brain", 3000);
    const styles = await page.locator("lantern-featured").evaluate((element) => {
      const style = (part: string) => getComputedStyle(element.shadowRoot!.querySelector(`[part~="${part}"]`)!);
      return {
        hostFont: getComputedStyle(document.body).fontFamily,
        titleFont: style("link").fontFamily,
        excerptFont: style("excerpt").fontFamily,
        linkColor: style("link").color,
        bylineStyle: style("byline").fontStyle,
      };
    });
    expect(styles.titleFont).toBe(styles.hostFont);
    expect(styles.excerptFont).toBe(styles.hostFont);
    expect(styles.linkColor).toBe("rgb(11, 83, 148)");
    expect(styles.bylineStyle).toBe("italic");
    await page.context().close();
  });

  it("writes the date in the reader's locale, or the one asked for", async () => {
    const { page } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql`, locale: "de-DE" });
    await waitForTitle(page, "The Power of Exercise to Change the Brain", 3000);
    expect((await shown(page)).date).toBe("5. Juli 2019");
    await page.context().close();
  });

  it("updates a live widget within 2 s of a setFeatured mutation", async () => {
    await setFeatured("browser-live", [{ articleId: articleIds[0]!, title: "Before the change" }]);
    const { page, problems, subscribed } = await hostPage({ "slot-name": "browser-live", endpoint: `${lantern.url}/graphql`, live: true });
    await waitForTitle(page, "Before the change", 3000);
    await subscribed();

    const started = performance.now();
    await setFeatured("browser-live", [{ articleId: articleIds[1]!, title: "After the change" }]);
    await waitForTitle(page, "After the change", 2000);
    const elapsed = performance.now() - started;
    console.log(`live widget updated ${Math.round(elapsed)} ms after the mutation was sent`);
    expect(elapsed).toBeLessThan(2000);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows an excerpt or title containing markup as text", async () => {
    const excerpt = `<img src=x onerror="window.__pwned = 1"> and <script>window.__pwned = 2</script>`;
    await setFeatured("browser-markup", [{ articleId: articleIds[0]!, title: "<b>Bold?</b>", excerpt }]);
    const { page, problems, violations } = await hostPage({ "slot-name": "browser-markup", endpoint: `${lantern.url}/graphql` });
    await waitForTitle(page, "<b>Bold?</b>", 3000);
    const widget = await shown(page);
    expect(widget.excerpt).toBe(excerpt);
    expect(widget.elements).not.toContain("img");
    expect(widget.elements).not.toContain("script");
    expect(widget.elements).not.toContain("b");
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it("renders the fallback, with no exception on the host's console, when the answer is malformed", async () => {
    const answers = [
      { status: 200, body: "not JSON at all" },
      { status: 200, body: JSON.stringify({ data: null }) },
      { status: 200, body: JSON.stringify({ data: { featured: [{ title: 5 }] } }) },
      { status: 200, body: JSON.stringify({ data: { featured: [{ title: "x", excerpt: "y", article: { uri: "javascript:alert(1)", publishedAt: "2019-07-05T12:00:00Z", author: { displayName: "z" } } }] } }) },
      { status: 200, body: JSON.stringify({ data: { featured: [{ title: "x", excerpt: "y", article: { uri: "/x/", publishedAt: "yesterday", author: null } }] } }) },
      { status: 500, body: "Internal Server Error" },
    ];
    for (const answer of answers) {
      host.setOptions({ scriptSrc: `${lantern.url}/widget/featured.js`, attributes: { "slot-name": "sidebar", endpoint: `${lantern.url}/graphql` }, lanternOrigin: lantern.url });
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
      });
      await page.route(`${lantern.url}/graphql?**`, (route) =>
        route.request().method() === "OPTIONS"
          ? route.fulfill({ status: 204, headers: { "access-control-allow-origin": "*", "access-control-allow-headers": "accept, x-graphql-csrf" } })
          : route.fulfill({ status: answer.status, body: answer.body, headers: { "content-type": "application/json", "access-control-allow-origin": "*" } }),
      );
      await page.goto(`${host.origin}/`);
      await waitForFallback(page, 3000);
      expect(await shown(page)).toMatchObject({ titles: [], fallback: true });
      expect(problems, answer.body).toEqual([]);
      await context.close();
    }
  });

  it("keeps count boxes of one height, and fallback=\"none\" shows nothing in them", async () => {
    const heights: number[] = [];
    for (const count of ["1", "3"]) {
      const nothing = "http://127.0.0.1:9";
      host.setOptions({ scriptSrc: `${lantern.url}/widget/featured.js`, attributes: { "slot-name": "sidebar", endpoint: `${nothing}/graphql`, count, fallback: "none" }, lanternOrigin: `${lantern.url} ${nothing}` });
      const { page, problems } = await openPage(`${host.origin}/`);
      await waitForFallback(page, 3000);
      const widget = await shown(page);
      expect(widget.fallback).toBe(true);
      expect(widget.fallbackText).toBe("");
      heights.push((await layout(page))[0]!.height);
      expect(problems).toEqual([]);
      await page.context().close();
    }
    expect(heights[0]).toBeGreaterThan(100);
    expect(heights[1]).toBeCloseTo(heights[0]! * 3, 0);
  });

  it("passes axe-core on the demo page, which laid out like the seed's sidebar shows the featured article; screenshot saved", async () => {
    const { page, problems, violations } = await openPage(`${lantern.url}/widget/demo`);
    await waitForTitle(page, "The Power of Exercise to Change the Brain", 3000);
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ["violations"] }));
    expect(results.violations.map((violation: { id: string; nodes: { target: string[] }[] }) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target) }))).toEqual([]);
    expect(results.passes.length + results.incomplete.length + results.inapplicable.length).toBeGreaterThan(0);
    expect(await page.locator("#featured h2").textContent()).toBe("Featured Article");
    await page.screenshot({ path: join(ARTIFACTS, "widget-demo.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it("passes axe-core on a host page too, fallback included", async () => {
    for (const endpoint of [`${lantern.url}/graphql`, "http://127.0.0.1:9/graphql"]) {
      const { page } = await hostPage({ "slot-name": "sidebar", endpoint });
      await page.waitForFunction(() => document.querySelector("lantern-featured")?.shadowRoot?.querySelector('[part~="link"], [part~="fallback"]') != null, null, { timeout: 3000 });
      await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ["violations"] }));
      expect(results.violations.map((violation: { id: string }) => violation.id), endpoint).toEqual([]);
      await page.context().close();
    }
  });

  it("causes no violation of the host page's strict Content-Security-Policy, and the test would see one", async () => {
    const reportsBefore = host.reports.length;
    const { page, violations, subscribed } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql`, live: true });
    await waitForTitle(page, "The Power of Exercise to Change the Brain", 3000);
    await subscribed();
    expect(await violations()).toEqual([]);

    // The control: an inline style is refused and reported.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "body { color: red }" })));
    await page.waitForFunction(() => (window as any).__violations.length > 0, null, { timeout: 2000 });
    expect((await violations())[0]).toMatch(/^style-src/);
    await expect.poll(() => host.reports.length - reportsBefore, { timeout: 3000 }).toBe(1);
    await page.context().close();
  });

  it("shows the fallback within 3 s when the API hangs, without moving the host page", async () => {
    const { page: reference } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql` });
    await waitForTitle(reference, "The Power of Exercise to Change the Brain", 3000);
    const loaded = await layout(reference);
    await reference.context().close();

    const sockets = new Set<Socket>();
    const silent: TcpServer = createTcpServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentOrigin = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      host.setOptions({ scriptSrc: `${lantern.url}/widget/featured.js`, attributes: { "slot-name": "sidebar", endpoint: `${silentOrigin}/graphql` }, lanternOrigin: `${lantern.url} ${silentOrigin}` });
      const { page, problems } = await openPage(`${host.origin}/`);
      await defined(page);
      const before = await layout(page);
      const elapsed = await waitForFallback(page, 3000);
      console.log(`API hanging: fallback shown ${Math.round(elapsed)} ms after navigation began`);
      expect(elapsed).toBeLessThan(3000);
      expect((await shown(page)).fallbackText).toBe("The featured article is not available right now.");
      expect(await layout(page)).toEqual(before);
      expect(before).toEqual(loaded);
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("ends live subscriptions when the API shuts down, keeps showing the article, reconnects with back-off and shows the next change", async () => {
    await setFeatured("browser-restart", [{ articleId: articleIds[0]!, title: "Before the restart" }]);
    const { page, problems, subscribed } = await hostPage({ "slot-name": "browser-restart", endpoint: `${lantern.url}/graphql`, live: true });
    await waitForTitle(page, "Before the restart", 3000);
    await subscribed();
    const attempts: number[] = [];
    page.on("request", (request) => {
      if (request.headers()["accept"] === "text/event-stream") attempts.push(performance.now());
    });

    const stopping = performance.now();
    lantern.child.kill("SIGTERM");
    const exited = await lantern.exited;
    expect(exited.code).toBe(0);
    console.log(`SIGTERM with a live widget connected: exited 0 after ${Math.round(exited.at - stopping)} ms`);
    expect(exited.at - stopping).toBeLessThan(3000);
    expect((await shown(page)).titles).toEqual(["Before the restart"]);
    // Down long enough for the widget to try three times (waits of about 1 s and 2 s), so its
    // back-off shows whatever the machine's speed.
    await expect.poll(() => attempts.length, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(3);

    const port = Number(new URL(lantern.url).port);
    lantern = await startServerProcess({ templateDatabase: lantern.databaseFile, env: { NODE_ENV: "production", TRUSTED_DOCUMENTS: "anonymous" }, port });
    await setFeatured("browser-restart", [{ articleId: articleIds[1]!, title: "After the restart" }]);
    await waitForTitle(page, "After the restart", 30_000);

    // Waits grow (1 s, 2 s, 4 s ... each with jitter of up to half): none much shorter than the one
    // before (connecting to a restarting server adds its own delay to a measured wait), and the
    // last beyond what a fixed 1 s retry would give.
    const waits = attempts.slice(1).map((at, index) => at - attempts[index]!);
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]! - 600);
    expect(waits.at(-1)!).toBeGreaterThanOrEqual(1500);
    console.log(`reconnected after ${attempts.length - 1} attempts; waits between them ${waits.map((wait) => Math.round(wait)).join(", ")} ms`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  // Last: it stops the API.
  it("shows the fallback within 3 s with the API stopped, without moving the host page", async () => {
    const { page: reference } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql` });
    await waitForTitle(reference, "The Power of Exercise to Change the Brain", 3000);
    const loaded = await layout(reference);
    await reference.context().close();

    // The site serves its own copy of the script; then the API stops.
    host.hostScript(await (await fetch(`${lantern.url}/widget/featured.js`)).text());
    lantern.child.kill("SIGTERM");
    expect((await lantern.exited).code).toBe(0);

    const { page, problems, violations } = await hostPage({ "slot-name": "sidebar", endpoint: `${lantern.url}/graphql`, live: true }, "/featured.js");
    await defined(page);
    const before = await layout(page);
    const elapsed = await waitForFallback(page, 3000);
    console.log(`API stopped: fallback shown ${Math.round(elapsed)} ms after navigation began`);
    expect(elapsed).toBeLessThan(3000);
    expect(await layout(page)).toEqual(before);
    expect(before).toEqual(loaded);
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
