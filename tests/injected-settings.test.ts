import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDb } from "../src/db/client.ts";
import { DeliveryWorker } from "../src/mail/delivery-worker.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { fetchYoga, graphql } from "./support/graphql.ts";
import { SmtpSink, header } from "./support/smtp-sink.ts";
import { CONSENT_TEXT, SUBSCRIBE, formSettings, formsServer, manualClock, solvedProof } from "./support/forms.ts";
import { unique } from "./support/fixtures.ts";

// Two servers in one process, each made from its own settings: every absolute URL either
// writes starts with its own SITE_URL, never with another's or the environment's.
const sink = new SmtpSink();
const clock = manualClock();
const origins = ["https://one.example", "https://two.example"] as const;
let servers: { origin: string; server: ReturnType<typeof formsServer> }[];
let worker: DeliveryWorker;

beforeAll(async () => {
  await sink.start();
  servers = origins.map((origin) => ({ origin, server: formsServer(formSettings(sink.url, { SITE_URL: origin }), clock) }));
  worker = new DeliveryWorker({ prisma: writeDb(), transport: smtpTransport(sink.url), from: "Lantern <no-reply@example.org>", clock });
});

afterAll(async () => {
  await worker.stop();
  await sink.stop();
});

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
const absoluteUrls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((match) => match[0]);
/** The values of `url`, `@id` and `item` in structured data, outside the citations: the URLs of the site's own things. */
function ownUrls(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(ownUrls);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).filter(([key]) => key !== "citation").flatMap(([key, inner]) => (typeof inner === "string" ? (["url", "@id", "item"].includes(key) ? [inner] : []) : ownUrls(inner)));
}

describe.each(origins.map((origin, index) => ({ origin, index })))("the server made with SITE_URL=$origin", ({ origin, index }) => {
  const server = () => servers[index]!.server.yoga;

  it("lists its own URLs in /sitemap.xml", async () => {
    const sitemap = await (await fetchYoga("/sitemap.xml", {}, server())).text();
    const urls = locs(sitemap);
    expect(urls[0]).toBe(`${origin}/`);
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(url.startsWith(`${origin}/`), url).toBe(true);
  });

  it("links its own URLs in /feed.xml", async () => {
    const feed = await (await fetchYoga("/feed.xml", {}, server())).text();
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${origin}/feed.xml"/>`);
    expect(feed).toContain(`<id>${origin}/</id>`);
    const links = [...feed.matchAll(/<(?:id|uri)>([^<]+)<\/(?:id|uri)>|href="([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link.startsWith(`${origin}/`), link).toBe(true);
  });

  it("writes its own URLs in Article.jsonLd", async () => {
    const response = await graphql(`{ article(slug: "the-therapeutic-relationship") { jsonLd } }`, {}, {}, server());
    const jsonLd = response.body.data.article.jsonLd;
    expect(jsonLd.url).toBe(`${origin}/the-therapeutic-relationship/`);
    const urls = ownUrls(jsonLd);
    expect(urls).toContain(`${origin}/category/psychotherapy/`);
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url === origin || url.startsWith(`${origin}/`), url).toBe(true);
  });

  it("mails confirmation and unsubscribe links under its own origin", async () => {
    const email = `reader-${unique()}@example.org`;
    const proof = await solvedProof(server());
    const response = await graphql(SUBSCRIBE, { input: { email, source: "sidebar", consentText: CONSENT_TEXT, proof } }, {}, server());
    expect(response.body.data.subscribe.ok).toBe(true);
    await worker.drain();
    const [mail] = sink.to(email);
    const text = mail!.parsed.text!;
    expect(text).toContain(`${origin}/subscription/confirm?token=`);
    expect(text).toContain(`${origin}/subscription/unsubscribe?token=`);
    expect(header(mail!, "List-Unsubscribe")).toMatch(new RegExp(`^<${origin.replace(/\./g, "\\.")}/subscription/unsubscribe\\?token=`));
    const links = absoluteUrls(`${text}\n${mail!.parsed.html}`).filter((url) => url.includes("/subscription/"));
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of links) expect(link.startsWith(`${origin}/`), link).toBe(true);
  });
});
