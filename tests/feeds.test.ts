import { describe, expect, it } from "vitest";
import { fetchYoga, graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";
import { xmlSchemaErrors } from "./support/xml-schemas.ts";
import { createApiToken } from "../src/auth/tokens.ts";
import { createLanternYoga } from "../src/app/yoga.ts";
import { config } from "../src/platform/settings.ts";
import { ManualClock } from "./support/clock.ts";
import { db } from "../src/db/client.ts";

const SITE = "http://localhost:4000";

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
}

function lastmodOf(xml: string, loc: string): string | undefined {
  return new RegExp(`<loc>${loc.replace(/[.?]/g, "\\$&")}</loc><lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
}

async function fetchText(path: string, server?: ReturnType<typeof createLanternYoga>) {
  const response = await fetchYoga(path, {}, server);
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("GET /sitemap.xml", () => {
  it("is a valid sitemap of the published site, with no drafts, scheduled or archived articles", async () => {
    const draft = await draftArticle();
    const sitemap = await fetchText("/sitemap.xml");
    expect(sitemap.status).toBe(200);
    expect(sitemap.type).toBe("application/xml; charset=utf-8");
    expect(await xmlSchemaErrors(sitemap.text, "sitemap.xsd")).toEqual([]);

    const urls = locs(sitemap.text);
    expect(urls).toContain(`${SITE}/`);
    expect(urls).toContain(`${SITE}/the-therapeutic-relationship/`);
    expect(urls).toContain(`${SITE}/category/psychotherapy/`);
    expect(urls).toContain(`${SITE}/author/jonathan-spitz/`);
    expect(urls).toContain(`${SITE}/page/about/`);
    expect(sitemap.text).not.toMatch(/canary/i);
    expect(sitemap.text).not.toContain(draft.slug);
    // Categories whose only articles are unpublished are left out.
    expect(urls).not.toContain(`${SITE}/category/lifestyle/`);
    expect(urls).not.toContain(`${SITE}/category/therapeutic-bodywork/`);

    const published = await db().article.count({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } } });
    expect(urls.filter((url) => /^http:\/\/localhost:4000\/[a-z0-9-]+\/$/.test(url))).toHaveLength(published);
  });

  it("dates an article by the latest of its public last-updated date (publication or last MATERIAL change) and its last review", async () => {
    const article = await db().article.findUniqueOrThrow({ where: { slug: "the-therapeutic-relationship" }, include: { trust: true } });
    const url = `${SITE}/the-therapeutic-relationship/`;
    const updated = Math.max(article.publishedAt!.getTime(), article.modifiedAt?.getTime() ?? 0);
    const expected = new Date(Math.max(updated, article.trust!.reviewedAt!.getTime()));
    expect(lastmodOf((await fetchText("/sitemap.xml")).text, url)).toBe(expected.toISOString());

    // A review approved later moves lastmod to the review.
    const later = new Date(Math.max(Date.now(), expected.getTime()) + 86_400_000);
    const server = createLanternYoga(config(), { clock: new ManualClock(later.getTime()) });
    const editor = await tokenHeaders("editor");
    const reviewer = await db().author.findUniqueOrThrow({ where: { slug: "maya-okafor" } });
    const { token } = await createApiToken(db(), { name: "Maya", role: "editor", authorId: reviewer.id });
    const id = (await graphql(`{ article(slug: "the-therapeutic-relationship") { id } }`)).body.data.article.id;
    await graphql(`mutation ($a: ID!, $r: ID!) { requestReview(articleId: $a, reviewerId: $r) { article { id } } }`, { a: id, r: (await graphql(`{ author(slug: "maya-okafor") { id } }`)).body.data.author.id }, editor, server);
    const approved = await graphql(`mutation ($a: ID!) { approveReview(articleId: $a) { article { reviewedAt } } }`, { a: id }, { authorization: `Bearer ${token}` }, server);
    expect(approved.body.data.approveReview.article.reviewedAt).toBe(later.toISOString());
    expect(lastmodOf((await fetchText("/sitemap.xml", server)).text, url)).toBe(later.toISOString());
  });

  it("lists a category whose only articles are in its sub-categories", async () => {
    const author = await db().author.findFirstOrThrow();
    const parent = await db().category.create({ data: { slug: "sitemap-parent", name: "Parent" } });
    const child = await db().category.create({ data: { slug: "sitemap-child", name: "Child", parentId: parent.id } });
    await db().article.create({
      data: {
        slug: "sitemap-child-article", title: "In the child", body: "<p>x</p>", bodyText: "x", wordCount: 1, authorId: author.id,
        status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), categories: { create: { categoryId: child.id, position: 0 } },
      },
    });
    const urls = locs((await fetchText("/sitemap.xml")).text);
    expect(urls).toContain(`${SITE}/category/sitemap-parent/`);
    expect(urls).toContain(`${SITE}/category/sitemap-parent/sitemap-child/`);
  });

  it("has no parts while the site fits in one file", async () => {
    expect((await fetchText("/sitemap-1.xml")).status).toBe(404);
  });
});

describe("GET /feed.xml", () => {
  it("is a valid Atom feed of the newest published articles, with no drafts, scheduled or archived ones", async () => {
    await draftArticle();
    const feed = await fetchText("/feed.xml");
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("application/atom+xml; charset=utf-8");
    expect(await xmlSchemaErrors(feed.text, "atom.rng")).toEqual([]);
    expect(feed.text).not.toMatch(/canary|fixture/i);

    const newest = await db().article.findMany({
      where: { status: "PUBLISHED", publishedAt: { lte: new Date() } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { slug: true },
    });
    const ids = [...feed.text.matchAll(/<entry><id>([^<]+)<\/id>/g)].map((match) => match[1]);
    expect(ids).toEqual(newest.map((article) => `${SITE}/${article.slug}/`));
    expect(feed.text).toContain("<summary type=\"text\">");
    expect(feed.text).not.toContain("<content");
  });

  it("carries whole articles when the site's feedContent is FULL", async () => {
    const admin = await tokenHeaders("admin");
    const set = await graphql(`mutation { updateEditorialSettings(input: { feedContent: FULL }) { site { feedContent } } }`, {}, admin);
    expect(set.body.data.updateEditorialSettings.site.feedContent).toBe("FULL");
    const feed = await fetchText("/feed.xml");
    expect(await xmlSchemaErrors(feed.text, "atom.rng")).toEqual([]);
    expect(feed.text.match(/<content type="html">/g)).toHaveLength(20);
    expect(feed.text).toContain("&lt;p&gt;");
    await graphql(`mutation { updateEditorialSettings(input: { feedContent: EXCERPT }) { site { feedContent } } }`, {}, admin);
  });

  it("shows a scheduled article only once its time has come, by the request's clock", async () => {
    const before = await fetchText("/feed.xml", createLanternYoga(config(), { clock: new ManualClock(Date.parse("2098-12-31T23:59:59Z")) }));
    expect(before.text).not.toContain("demo-canary-scheduled-1");
    const after = await fetchText("/feed.xml", createLanternYoga(config(), { clock: new ManualClock(Date.parse("2099-01-01T00:00:00Z")) }));
    expect(after.text).toContain("<entry><id>http://localhost:4000/demo-canary-scheduled-1/</id>");
    expect(after.text).not.toMatch(/demo-canary-(draft|archived)/);
    expect(await xmlSchemaErrors(after.text, "atom.rng")).toEqual([]);
  });

  it("the schemas catch a broken document", async () => {
    const feed = (await fetchText("/feed.xml")).text;
    expect(await xmlSchemaErrors(feed.replace(/<updated>[^<]+<\/updated>/, "<updated>yesterday</updated>"), "atom.rng")).not.toEqual([]);
    expect(await xmlSchemaErrors(feed.replace(/<id>[^<]+<\/id>/, ""), "atom.rng")).not.toEqual([]);
    const sitemap = (await fetchText("/sitemap.xml")).text;
    expect(await xmlSchemaErrors(sitemap.replace("<loc>http://localhost:4000/</loc>", "<loc>/</loc>"), "sitemap.xsd")).not.toEqual([]);
    expect(await xmlSchemaErrors(sitemap.replace(/<lastmod>[^<]+/, "<lastmod>soon"), "sitemap.xsd")).not.toEqual([]);
  });

  it("answers only GET and HEAD", async () => {
    expect((await fetchYoga("/feed.xml", { method: "POST" })).status).toBe(405);
    const head = await fetchYoga("/sitemap.xml", { method: "HEAD" });
    expect(head.status).toBe(200);
  });
});
