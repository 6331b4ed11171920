import { beforeAll, describe, expect, it } from "vitest";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";
import { errorCodes, graphql, yogaWith } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";
import { ManualClock } from "./support/clock.ts";
import { cachingServer, post } from "./support/caching-server.ts";
import { db } from "../src/db/client.ts";
import type { LanternYoga } from "../src/app/yoga.ts";

let editor: Record<string, string>;
let admin: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
  admin = await tokenHeaders("admin");
});

const clock = new ManualClock(Date.parse("2026-04-01T09:00:00.000Z"));
// The response cache on, as in production: a preview must never be stored nor served from it.
const server = cachingServer(clock, { PREVIEW_URL: "https://www.example.com/api/draft?token={token}&uri={uri}" });

const CREATE = `mutation ($id: ID!, $seconds: Int) { createPreviewLink(articleId: $id, expiresInSeconds: $seconds) { id token url expiresAt } }`;
const BY_SLUG = `query ($slug: String!) { article(slug: $slug) { id title status } }`;
const BY_ID = `query ($id: ID!) { node(id: $id) { ... on Article { title } } }`;
const BY_URI = `query ($uri: String!) { resolveUri(uri: $uri) { __typename ... on Article { title } ... on Redirect { to } } }`;

async function link(articleId: string, seconds?: number, yoga: LanternYoga = server) {
  const response = await graphql(CREATE, { id: articleId, seconds }, editor, yoga);
  expect(errorCodes(response)).toEqual([]);
  return response.body.data.createPreviewLink as { id: string; token: string; url: string; expiresAt: string };
}

const preview = (token: string) => ({ "lantern-preview": token });

async function scheduledArticle() {
  const article = await draftArticle();
  await db().article.update({ where: { id: article.id }, data: { status: "PUBLISHED", publishedAt: new Date("2027-01-01T00:00:00.000Z") } });
  return article;
}

describe("signed draft previews", () => {
  it("shows article A by slug, id and URI (draft and published URI) with its token, and never B", async () => {
    const a = await draftArticle();
    const b = await scheduledArticle();
    const { token, url, expiresAt } = await link(a.globalId);
    expect(url).toBe(`https://www.example.com/api/draft?token=${encodeURIComponent(token)}&uri=${encodeURIComponent(`/${a.slug}/`)}`);
    expect(expiresAt).toBe("2026-04-02T09:00:00.000Z");

    const asPreview = (query: string, variables: Record<string, unknown>) => graphql(query, variables, preview(token), server);
    expect((await asPreview(BY_SLUG, { slug: a.slug })).body.data.article).toMatchObject({ title: a.title, status: "DRAFT" });
    expect((await asPreview(BY_ID, { id: a.globalId })).body.data.node).toEqual({ title: a.title });
    expect((await asPreview(BY_URI, { uri: `/${a.slug}/` })).body.data.resolveUri).toEqual({ __typename: "Article", title: a.title });

    expect((await asPreview(BY_SLUG, { slug: b.slug })).body.data.article).toBeNull();
    expect((await asPreview(BY_ID, { id: b.globalId })).body.data.node).toBeNull();
    expect((await asPreview(BY_URI, { uri: `/${b.slug}/` })).body.data.resolveUri).toBeNull();

    // Without the header nobody sees A, whatever was asked with it before (nothing was cached).
    expect((await graphql(BY_SLUG, { slug: a.slug }, {}, server)).body.data.article).toBeNull();
    expect((await graphql(BY_URI, { uri: `/${a.slug}/` }, {}, server)).body.data.resolveUri).toBeNull();
  });

  it("follows a published article's old URI to its draft's new one, and shows the latest state", async () => {
    const a = await draftArticle();
    await db().article.update({ where: { id: a.id }, data: { status: "PUBLISHED", publishedAt: new Date("2026-01-01T00:00:00.000Z") } });
    // The editor retitles and moves it, unpublishing it while the change is reviewed.
    const moved = `${a.slug}-moved`;
    await graphql(`mutation ($id: ID!) { unpublishArticle(id: $id) { article { id } } }`, { id: a.globalId }, editor, server);
    await graphql(`mutation ($id: ID!, $slug: String!) { updateArticle(id: $id, input: { slug: $slug, title: "Latest" }, expectedVersion: 2) { article { id } } }`, { id: a.globalId, slug: moved }, editor, server);
    const { token } = await link(a.globalId);
    expect((await graphql(BY_URI, { uri: `/${moved}/` }, preview(token), server)).body.data.resolveUri).toEqual({ __typename: "Article", title: "Latest" });
    expect((await graphql(BY_URI, { uri: `/${a.slug}/` }, preview(token), server)).body.data.resolveUri).toEqual({ __typename: "Redirect", to: `/${moved}/` });
    expect((await graphql(BY_URI, { uri: `/${a.slug}/` }, {}, server)).body.data.resolveUri).toBeNull();
  });

  it("answers private, no-store, noindex, without Surrogate-Key, never from or into the response cache", async () => {
    const published = await db().article.findFirstOrThrow({ where: { status: "PUBLISHED", publishedAt: { lte: clock.now() } } });
    const a = await draftArticle();
    const { token } = await link(a.globalId);
    const query = `{ article(slug: "${published.slug}") { title } }`;
    // Warm the cache anonymously, then ask the same with the preview header.
    expect((await post(server, query)).response.headers.get("x-cache")).toBe("MISS");
    expect((await post(server, query)).response.headers.get("x-cache")).toBe("HIT");
    for (const q of [query, `{ article(slug: "${a.slug}") { title } }`, `{ article(slug: "${a.slug}") { title } }`]) {
      const { response, body } = await post(server, q, preview(token));
      expect(body.errors).toBeUndefined();
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-robots-tag")).toBe("noindex");
      expect(response.headers.get("surrogate-key")).toBeNull();
      expect(response.headers.get("xkey")).toBeNull();
      expect(response.headers.get("x-cache")).toBeNull();
    }
    // The draft's answer was not stored: an anonymous request for it is a miss that shows nothing.
    const anonymous = await post(server, `{ article(slug: "${a.slug}") { title } }`);
    expect(anonymous.body.data.article).toBeNull();
    expect(anonymous.response.headers.get("x-cache")).toBe("MISS");
  });

  it("refuses an expired, revoked, rotated, tampered or made-up token with PREVIEW_EXPIRED, never a public answer", async () => {
    const a = await draftArticle();
    const expiring = await link(a.globalId, 60);
    const revoked = await link(a.globalId);
    const kept = await link(a.globalId);
    const ask = async (token: string) => {
      const response = await post(server, `{ article(slug: "${a.slug}") { title } }`, preview(token));
      expect(response.body.data ?? null, token).toBeNull();
      expect(response.response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.response.headers.get("x-robots-tag"), JSON.stringify(token)).toBe("noindex");
      return response.body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code);
    };
    const works = async (token: string) => (await graphql(BY_SLUG, { slug: a.slug }, preview(token), server)).body.data?.article?.title;

    expect(await works(expiring.token)).toBe(a.title);
    clock.advanceTo(new Date(clock.now().getTime() + 60_000));
    expect(await ask(expiring.token)).toEqual(["PREVIEW_EXPIRED"]);

    expect(await works(revoked.token)).toBe(a.title);
    const revoke = await graphql(`mutation ($id: ID!) { revokePreviewLink(id: $id) { id revokedAt } }`, { id: revoked.id }, editor, server);
    expect(revoke.body.data.revokePreviewLink.id).toBe(revoked.id);
    expect(await ask(revoked.token)).toEqual(["PREVIEW_EXPIRED"]);
    expect(await works(kept.token)).toBe(a.title);

    const last = kept.token.at(-1) === "A" ? "B" : "A";
    expect(await ask(`${kept.token.slice(0, -1)}${last}`)).toEqual(["PREVIEW_EXPIRED"]);
    const [prefix, id, , signature] = kept.token.split(".");
    expect(await ask(`${prefix}.${id}.9999999999.${signature}`)).toEqual(["PREVIEW_EXPIRED"]);
    expect(await ask("not-a-token")).toEqual(["PREVIEW_EXPIRED"]);
    expect(await ask("")).toEqual(["PREVIEW_EXPIRED"]);

    expect(errorCodes(await graphql(`mutation { rotatePreviewSigningKey { rotatedAt } }`, {}, editor, server))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(`mutation { rotatePreviewSigningKey { rotatedAt } }`, {}, admin, server))).toEqual([]);
    expect(await ask(kept.token)).toEqual(["PREVIEW_EXPIRED"]);
    const fresh = await link(a.globalId);
    expect(await works(fresh.token)).toBe(a.title);
  });

  it("is for editors: anonymous and preview callers may not create links; bad lifetimes are refused", async () => {
    const a = await draftArticle();
    expect(errorCodes(await graphql(CREATE, { id: a.globalId }, {}, server))).toEqual(["UNAUTHENTICATED"]);
    const { token } = await link(a.globalId);
    expect(errorCodes(await graphql(CREATE, { id: a.globalId }, preview(token), server))).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes(await graphql(`mutation ($id: ID!) { revokePreviewLink(id: $id) { id } }`, { id: "1" }, preview(token), server))).toEqual(["UNAUTHENTICATED"]);
    for (const seconds of [0, 59, 30 * 86_400 + 1, -5]) expect(errorCodes(await graphql(CREATE, { id: a.globalId, seconds }, editor, server))).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes(await graphql(`mutation { revokePreviewLink(id: "999999999") { id } }`, {}, editor, server))).toEqual(["NOT_FOUND"]);
    // A preview viewer is no editor: no revisions, no other statuses.
    expect(errorCodes(await graphql(`query ($slug: String!) { article(slug: $slug) { revisions { totalCount } } }`, { slug: a.slug }, preview(token), server))).toEqual(["UNAUTHENTICATED"]);
  });

  it("answers url: null without PREVIEW_URL", async () => {
    const a = await draftArticle();
    const yoga = yogaWith({});
    const response = await graphql(CREATE, { id: a.globalId }, editor, yoga);
    expect(response.body.data.createPreviewLink.url).toBeNull();
  });

  it("shows the previewed article in the widget's registered operation, and no other hidden one", async () => {
    const a = await draftArticle();
    const b = await draftArticle();
    const slot = `preview-${a.id}`;
    const set = await graphql(
      `mutation ($slot: String!, $items: [FeaturedItemInput!]!) { setFeatured(slot: $slot, items: $items) { slot } }`,
      { slot, items: [{ articleId: b.globalId }, { articleId: a.globalId }] },
      editor,
      server,
    );
    expect(errorCodes(set)).toEqual([]);
    const { token } = await link(a.globalId);
    const yoga = cachingServer(clock, { TRUSTED_DOCUMENTS: "anonymous" });
    const hash = [...loadTrustedDocuments()].find(([, text]) => text.startsWith("query FeaturedWidget("))![0];
    const widget = (headers: Record<string, string>) =>
      yoga.fetch(`http://lantern.test/graphql?documentId=sha256:${hash}&variables=${encodeURIComponent(JSON.stringify({ slot, first: 5 }))}`, {
        headers: { "x-graphql-csrf": "1", ...headers },
      });
    const previewed = await widget(preview(token));
    expect((await previewed.json()).data.featured.map((item: { title: string }) => item.title)).toEqual([a.title]);
    expect(previewed.headers.get("cache-control")).toBe("private, no-store");
    expect((await (await widget({})).json()).data.featured).toEqual([]);
  });
});
