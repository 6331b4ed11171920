import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { db } from "../src/db/client.ts";
import { ManualClock } from "./support/clock.ts";
import { cachingServer, post } from "./support/caching-server.ts";
import { cacheSite, type CacheSite } from "./support/cache-site.ts";
import { tokenHeaders } from "./support/tokens.ts";

const SEED = "the-therapeutic-relationship";

/** The seed article's people and category, and a small site of the test's own. */
async function rows(now: Date) {
  const bySlug = async (slug: string) => encodeGlobalID("Author", (await db().author.findUniqueOrThrow({ where: { slug } })).id);
  const article = await db().article.findUniqueOrThrow({ where: { slug: SEED }, select: { id: true, categories: { orderBy: { position: "asc" }, take: 1, select: { categoryId: true } } } });
  return {
    author: await bySlug("jonathan-spitz"),
    reviewer: await bySlug("maya-okafor"),
    factChecker: await bySlug("arp-staff"),
    article: encodeGlobalID("Article", article.id),
    category: encodeGlobalID("Category", article.categories[0]!.categoryId),
    site: await cacheSite(now),
  };
}
type Rows = Awaited<ReturnType<typeof rows>>;

interface Case {
  /** A cached answer that shows the row. */
  shows: (r: Rows) => string;
  /** An editor's change to that row. */
  edit: (r: Rows) => string;
}

const jsonLd = `{ article(slug: "${SEED}") { jsonLd } }`;
const jsonLdScript = `{ article(slug: "${SEED}") { jsonLdScript } }`;
const unpublish = (s: CacheSite) => `mutation { unpublishArticle(id: "${s.x.globalId}") { article { id } } }`;

const CASES: Record<string, Case> = {
  "jsonLd: the author's name": { shows: () => jsonLd, edit: (r) => `mutation { updateAuthor(id: "${r.author}", input: { name: "Jon Spitz" }) { author { id } } }` },
  "jsonLd: the author's licence": {
    shows: () => jsonLd,
    edit: (r) => `mutation { updateAuthorProfile(authorId: "${r.author}", input: { qualifications: [] }) { author { id } } }`,
  },
  "jsonLd: the author's job title and links": {
    shows: () => jsonLd,
    edit: (r) => `mutation { updateAuthorProfile(authorId: "${r.author}", input: { jobTitle: "Psychologist", sameAs: ["https://example.org/jon"] }) { author { id } } }`,
  },
  "jsonLd: the reviewer's name": { shows: () => jsonLd, edit: (r) => `mutation { updateAuthor(id: "${r.reviewer}", input: { name: "M. Okafor" }) { author { id } } }` },
  "jsonLd: the reviewer's credentials": {
    shows: () => jsonLd,
    edit: (r) => `mutation { updateAuthorProfile(authorId: "${r.reviewer}", input: { jobTitle: "Retired" }) { author { id } } }`,
  },
  "jsonLd: the publisher (site)": { shows: () => jsonLd, edit: () => `mutation { updateSite(input: { title: "Renamed site" }) { site { title } } }` },
  "jsonLd: the publisher's editorial policy": {
    shows: () => jsonLd,
    edit: () => `mutation { updateEditorialSettings(input: { editorialPolicyUrl: "https://example.org/policy" }) { site { title } } }`,
  },
  "jsonLd: the breadcrumb's category": { shows: () => jsonLd, edit: (r) => `mutation { updateCategory(id: "${r.category}", input: { name: "Talking therapy" }) { category { id } } }` },
  "jsonLd: citations": {
    shows: () => jsonLd,
    edit: (r) => `mutation { updateArticleTrust(articleId: "${r.article}", input: { citations: [{ title: "One source", authors: "Doe J" }] }) { article { id } } }`,
  },
  "jsonLd: corrections": { shows: () => jsonLd, edit: (r) => `mutation { addCorrection(articleId: "${r.article}", input: { text: "A date was wrong" }) { article { id } } }` },
  "jsonLdScript: the author's name": { shows: () => jsonLdScript, edit: (r) => `mutation { updateAuthor(id: "${r.author}", input: { name: "J. Spitz" }) { author { id } } }` },
  "the trust block: the fact checker's name": {
    shows: () => `{ article(slug: "${SEED}") { authors { displayName } medicalReviewers { displayName } factCheckedBy { displayName } } }`,
    edit: (r) => `mutation { updateAuthor(id: "${r.factChecker}", input: { name: "ARP" }) { author { id } } }`,
  },
  "breadcrumbs: the category": {
    shows: () => `{ article(slug: "${SEED}") { breadcrumbs { name uri } } }`,
    edit: (r) => `mutation { updateCategory(id: "${r.category}", input: { name: "Psychotherapy" }) { category { id } } }`,
  },
  "featured: the article's title": {
    shows: (r) => `{ featured(slot: "${r.site.slot}") { title } }`,
    edit: (r) => `mutation { updateArticle(id: "${r.site.y.globalId}", expectedVersion: ${r.site.y.version}, input: { title: "Y2" }) { article { id } } }`,
  },
  "menu: the target's URL": {
    shows: (r) => `{ menu(location: "${r.site.menu}") { items { url } } }`,
    edit: (r) => `mutation { updateArticle(id: "${r.site.x.globalId}", expectedVersion: ${r.site.x.version}, input: { slug: "moved-${r.site.x.id}" }) { article { id } } }`,
  },
  "article by slug, only its __typename": { shows: (r) => `{ article(slug: "${r.site.x.slug}") { __typename } }`, edit: (r) => unpublish(r.site) },
  "node by id, only its __typename": { shows: (r) => `{ node(id: "${r.site.x.globalId}") { __typename } }`, edit: (r) => unpublish(r.site) },
  "resolveUri, only its __typename": { shows: (r) => `{ resolveUri(uri: "/${r.site.x.slug}/") { __typename } }`, edit: (r) => unpublish(r.site) },
  "featured, only its __typename": { shows: (r) => `{ featured(slot: "${r.site.slot}") { __typename } }`, edit: (r) => `mutation { unpublishArticle(id: "${r.site.y.globalId}") { article { id } } }` },
};

describe("a cached answer is evicted when any row it shows changes", () => {
  for (const [name, { shows, edit }] of Object.entries(CASES)) {
    it(name, async () => {
      const clock = new ManualClock();
      const yoga = cachingServer(clock);
      const r = await rows(clock.now());
      const query = shows(r);
      const first = await post(yoga, query);
      expect(first.body.errors).toBeUndefined();
      expect((await post(yoga, query)).response.headers.get("x-cache")).toBe("HIT");
      const edited = await post(yoga, edit(r), await tokenHeaders("admin"));
      expect(edited.body.errors).toBeUndefined();
      const after = await post(yoga, query);
      expect(after.response.headers.get("x-cache")).not.toBe("HIT");
      expect(after.body).not.toEqual(first.body);
    });
  }
});
