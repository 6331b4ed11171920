import { createServer, type Server } from "node:http";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LanternYoga } from "../src/app/yoga.ts";
import { ManualClock } from "./support/clock.ts";
import { cachingServer, post } from "./support/caching-server.ts";
import { cacheSite, cachedOperations, type CacheSite } from "./support/cache-site.ts";
import { tokenHeaders } from "./support/tokens.ts";

type Role = "editor" | "admin";
interface Refusal {
  why: string;
  role: Role;
  query: (s: CacheSite) => string;
}

const missing = (type: string) => encodeGlobalID(type, 987_654_321);
const noArticle = missing("Article");
const noAuthor = missing("Author");

/** For every mutation, calls that are refused: by a role that may not, or by input that cannot be saved. */
const REFUSALS: Record<string, Refusal[]> = {
  addCorrection: [{ why: "no such article", role: "editor", query: () => `mutation { addCorrection(articleId: "${noArticle}", input: { text: "Fixed" }) { article { id } } }` }],
  approveReview: [{ why: "not the assigned reviewer", role: "editor", query: (s) => `mutation { approveReview(articleId: "${s.x.globalId}") { article { id } } }` }],
  archiveArticle: [{ why: "no such article", role: "editor", query: () => `mutation { archiveArticle(id: "${noArticle}") { article { id } } }` }],
  confirmSubscription: [{ why: "unknown token", role: "editor", query: () => `mutation { confirmSubscription(token: "bogus") { ok message } }` }],
  createArticle: [{ why: "no such author", role: "editor", query: (s) => `mutation { createArticle(input: { title: "T", body: "<p>B</p>", authorId: "${noAuthor}", categoryIds: ["${encodeGlobalID("Category", s.c1.id)}"] }) { article { id } } }` }],
  createAuthor: [{ why: "empty name", role: "editor", query: () => `mutation { createAuthor(input: { name: "" }) { author { id } } }` }],
  createCategory: [{ why: "empty name", role: "editor", query: () => `mutation { createCategory(input: { name: "" }) { category { id } } }` }],
  createPage: [{ why: "empty title", role: "editor", query: () => `mutation { createPage(input: { title: "", body: "<p>B</p>" }) { page { id } } }` }],
  createRedirect: [
    { why: "editor role", role: "editor", query: () => `mutation { createRedirect(from: "/old-place", to: "/") { redirect { from } } }` },
    { why: "not a path", role: "admin", query: () => `mutation { createRedirect(from: "no slash", to: "/") { redirect { from } } }` },
  ],
  deleteArticle: [{ why: "no such article", role: "editor", query: () => `mutation { deleteArticle(id: "${noArticle}") { deletedId } }` }],
  deleteAuthor: [{ why: "has articles", role: "editor", query: (s) => `mutation { deleteAuthor(id: "${encodeGlobalID("Author", s.a.id)}") { deletedId } }` }],
  deleteCategory: [{ why: "no such category", role: "editor", query: () => `mutation { deleteCategory(id: "${missing("Category")}") { deletedId } }` }],
  deletePage: [{ why: "no such page", role: "editor", query: () => `mutation { deletePage(id: "${missing("Page")}") { deletedId } }` }],
  deleteRedirect: [
    { why: "editor role", role: "editor", query: () => `mutation { deleteRedirect(from: "/old-place") { deletedFrom } }` },
    { why: "no such redirect", role: "admin", query: () => `mutation { deleteRedirect(from: "/no-such-redirect-here") { deletedFrom } }` },
  ],
  eraseSubscriber: [{ why: "not an address", role: "editor", query: () => `mutation { eraseSubscriber(email: "not an address") { erased } }` }],
  markContactMessageHandled: [{ why: "no such message", role: "editor", query: () => `mutation { markContactMessageHandled(id: "${missing("ContactMessage")}") { id } }` }],
  publishArticle: [{ why: "no such article", role: "editor", query: () => `mutation { publishArticle(id: "${noArticle}") { article { id } } }` }],
  requestReview: [{ why: "no such reviewer", role: "editor", query: (s) => `mutation { requestReview(articleId: "${s.x.globalId}", reviewerId: "${noAuthor}") { article { id } } }` }],
  sendContactMessage: [{ why: "no proof of work", role: "editor", query: () => `mutation { sendContactMessage(input: { name: "N", email: "n@example.org", subject: "S", message: "M", proof: "bogus" }) { ok message } }` }],
  setFeatured: [{ why: "no such article", role: "editor", query: (s) => `mutation { setFeatured(slot: "${s.slot}", items: [{ articleId: "${noArticle}" }]) { slot } }` }],
  setRelatedArticles: [{ why: "no such article", role: "editor", query: (s) => `mutation { setRelatedArticles(articleId: "${s.x.globalId}", relatedIds: ["${noArticle}"]) { article { id } } }` }],
  setMenu: [{ why: "no such article", role: "editor", query: (s) => `mutation { setMenu(location: "${s.menu}", items: [{ label: "X", articleId: "${noArticle}" }]) { menu { location } } }` }],
  subscribe: [{ why: "no proof of work", role: "editor", query: () => `mutation { subscribe(input: { email: "n@example.org", consentText: "Yes", source: "test", proof: "bogus" }) { ok message } }` }],
  unpublishArticle: [{ why: "no such article", role: "editor", query: () => `mutation { unpublishArticle(id: "${noArticle}") { article { id } } }` }],
  unsubscribe: [{ why: "unknown token", role: "editor", query: () => `mutation { unsubscribe(token: "bogus") { ok message } }` }],
  updateArticle: [{ why: "conflicting version", role: "editor", query: (s) => `mutation { updateArticle(id: "${s.x.globalId}", expectedVersion: ${s.x.version + 7}, input: { title: "X2" }) { article { id } } }` }],
  restoreArticleRevision: [
    { why: "conflicting version", role: "editor", query: (s) => `mutation { restoreArticleRevision(articleId: "${s.x.globalId}", version: 1, expectedVersion: ${s.x.version + 7}) { article { id } } }` },
    { why: "a version the article never had", role: "editor", query: (s) => `mutation { restoreArticleRevision(articleId: "${s.x.globalId}", version: 999, expectedVersion: ${s.x.version}) { article { id } } }` },
  ],
  createPreviewLink: [{ why: "no such article", role: "editor", query: () => `mutation { createPreviewLink(articleId: "${noArticle}") { token } }` }],
  revokePreviewLink: [{ why: "no such link", role: "editor", query: () => `mutation { revokePreviewLink(id: "987654321") { id } }` }],
  rotatePreviewSigningKey: [{ why: "editors may not", role: "editor", query: () => `mutation { rotatePreviewSigningKey { rotatedAt } }` }],
  createWebhook: [
    { why: "editor role", role: "editor", query: () => `mutation { createWebhook(input: { url: "https://198.51.100.7/hook", events: ["*"] }) { id } }` },
    { why: "not http(s)", role: "admin", query: () => `mutation { createWebhook(input: { url: "ftp://198.51.100.7/hook", events: ["*"] }) { id } }` },
  ],
  updateWebhook: [{ why: "no such webhook", role: "admin", query: () => `mutation { updateWebhook(id: "987654321", input: { description: "X" }) { id } }` }],
  rotateWebhookSecret: [{ why: "no such webhook", role: "admin", query: () => `mutation { rotateWebhookSecret(id: "987654321") { secret } }` }],
  deleteWebhook: [{ why: "no such webhook", role: "admin", query: () => `mutation { deleteWebhook(id: "987654321") }` }],
  redeliverWebhook: [{ why: "no such delivery", role: "admin", query: () => `mutation { redeliverWebhook(deliveryId: "987654321") { id } }` }],
  updateArticleTrust: [{ why: "no such reviewer", role: "editor", query: (s) => `mutation { updateArticleTrust(articleId: "${s.x.globalId}", input: { medicalReviewerIds: ["${noAuthor}"] }) { article { id } } }` }],
  updateAuthor: [{ why: "empty name", role: "editor", query: (s) => `mutation { updateAuthor(id: "${encodeGlobalID("Author", s.a.id)}", input: { name: "" }) { author { id } } }` }],
  updateAuthorProfile: [{ why: "not a link", role: "editor", query: (s) => `mutation { updateAuthorProfile(authorId: "${encodeGlobalID("Author", s.a.id)}", input: { sameAs: ["not a link"] }) { author { id } } }` }],
  updateCategory: [{ why: "empty name", role: "editor", query: (s) => `mutation { updateCategory(id: "${s.c2.globalId}", input: { name: "" }) { category { id } } }` }],
  updateEditorialSettings: [
    { why: "editor role", role: "editor", query: () => `mutation { updateEditorialSettings(input: { reviewIntervalMonths: 6 }) { site { title } } }` },
    { why: "out of range", role: "admin", query: () => `mutation { updateEditorialSettings(input: { reviewIntervalMonths: -1 }) { site { title } } }` },
  ],
  updatePage: [{ why: "empty title", role: "editor", query: (s) => `mutation { updatePage(id: "${s.page.globalId}", input: { title: "" }) { page { id } } }` }],
  updateSite: [
    { why: "editor role", role: "editor", query: () => `mutation { updateSite(input: { title: "Renamed" }) { site { title } } }` },
    { why: "empty title", role: "admin", query: () => `mutation { updateSite(input: { title: "" }) { site { title } } }` },
  ],
};

let receiver: Server;
const purges: string[] = [];
let purgeUrl = "";

beforeAll(async () => {
  receiver = createServer((request, response) => {
    purges.push(String(request.headers.xkey));
    response.end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  purgeUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`;
});
afterAll(() => void receiver.close());

async function servedFromCache(yoga: LanternYoga, query: string): Promise<boolean> {
  return (await post(yoga, query)).response.headers.get("x-cache") === "HIT";
}

const refusalOf = (body: { data?: Record<string, any> | null; errors?: unknown[] }) =>
  (body.errors?.length ?? 0) > 0 || Object.values(body.data ?? {}).some((result) => result?.ok === false);

describe("refused mutations evict and purge nothing", () => {
  it("lists a refusal for every mutation field", async () => {
    const { schema } = await import("../src/graphql/schema.ts");
    expect(Object.keys(REFUSALS).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  for (const [field, refusals] of Object.entries(REFUSALS)) {
    for (const { why, role, query } of refusals) {
      it(`${field} (${why})`, async () => {
        const clock = new ManualClock();
        const yoga = cachingServer(clock, { CDN_PURGE_URL: purgeUrl });
        const site = await cacheSite(clock.now());
        const operations = cachedOperations(site);
        for (const operation of Object.values(operations)) await post(yoga, operation);
        for (const [name, operation] of Object.entries(operations)) expect([name, await servedFromCache(yoga, operation)]).toEqual([name, true]);
        purges.length = 0;

        const refused = await post(yoga, query(site), await tokenHeaders(role));
        expect(refusalOf(refused.body), JSON.stringify(refused.body)).toBe(true);

        const evicted: string[] = [];
        for (const [name, operation] of Object.entries(operations)) if (!(await servedFromCache(yoga, operation))) evicted.push(name);
        expect(evicted).toEqual([]);
        // A purge that succeeds afterwards arrives alone: the refusal sent none before it.
        const sentinel = await post(yoga, `mutation { setFeatured(slot: "${site.slot}", items: []) { slot } }`, await tokenHeaders("editor"));
        expect(sentinel.body.errors).toBeUndefined();
        await expect.poll(() => purges.length).toBeGreaterThan(0);
        expect(purges).toEqual([`FeaturedSlot:${site.slot}`]);
      });
    }
  }

  it("a mutation that throws after its effects were read evicts nothing", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock, { CDN_PURGE_URL: purgeUrl });
    const site = await cacheSite(clock.now());
    const operations = cachedOperations(site);
    for (const operation of Object.values(operations)) await post(yoga, operation);
    purges.length = 0;
    // Renaming to a slug another author holds reads the effects, writes, then fails in the transaction.
    const taken = await post(
      yoga,
      `mutation { updateAuthor(id: "${encodeGlobalID("Author", site.a.id)}", input: { name: "Renamed", slug: "${site.b.slug}" }) { author { id } } }`,
      await tokenHeaders("editor"),
    );
    expect(taken.body.errors?.[0]?.extensions?.code).toBeDefined();
    const evicted: string[] = [];
    for (const [name, operation] of Object.entries(operations)) if (!(await servedFromCache(yoga, operation))) evicted.push(name);
    expect(evicted).toEqual([]);
    expect(purges).toEqual([]);
  });
});
