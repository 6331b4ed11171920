import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { contentSnapshot } from "./support/content-snapshot.ts";
import { db } from "../src/db/client.ts";

let admin: Record<string, string>;
const ids = {} as Record<"author" | "category" | "article" | "page" | "busyAuthor" | "busyCategory", string>;

beforeAll(async () => {
  admin = await tokenHeaders("admin");
  const article = await db().article.findFirstOrThrow({ where: { slug: "the-therapeutic-relationship" }, include: { categories: true } });
  ids.article = encodeGlobalID("Article", article.id);
  ids.busyAuthor = encodeGlobalID("Author", article.authorId);
  ids.busyCategory = encodeGlobalID("Category", article.categories[0]!.categoryId);
  ids.author = ids.busyAuthor;
  ids.category = ids.busyCategory;
  ids.page = encodeGlobalID("Page", (await db().page.findFirstOrThrow()).id);
});

const LEAKS = /at \w+ \(|\/work\/|node_modules|prisma|sqlite|SELECT |\bP\d{4}\b/i;
const missing = (type: string) => encodeGlobalID(type, 999_999);

type Case = [description: string, document: string, variables: () => Record<string, unknown>, code: string, field?: string];

const article = () => ({
  title: "A valid title",
  body: "<p>Valid</p>",
  authorId: ids.author,
  categoryIds: [ids.category],
});
const CREATE_ARTICLE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`;
const UPDATE_ARTICLE = `mutation ($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: 1) { article { id } } }`;
const CREATE_AUTHOR = `mutation ($input: CreateAuthorInput!) { createAuthor(input: $input) { author { id } } }`;
const UPDATE_CATEGORY = `mutation ($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { category { id } } }`;
const CREATE_PAGE = `mutation ($input: CreatePageInput!) { createPage(input: $input) { page { id } } }`;
const SET_FEATURED = `mutation ($items: [FeaturedItemInput!]!) { setFeatured(slot: "sidebar", items: $items) { slot } }`;
const SET_MENU = `mutation ($location: String!, $items: [MenuItemInput!]!) { setMenu(location: $location, items: $items) { menu { location } } }`;
const UPDATE_SITE = `mutation ($input: UpdateSiteInput!) { updateSite(input: $input) { site { title } } }`;

const CASES: Case[] = [
  ["article: blank title", CREATE_ARTICLE, () => ({ input: { ...article(), title: "   " } }), "BAD_USER_INPUT", "input.title"],
  ["article: title too long", CREATE_ARTICLE, () => ({ input: { ...article(), title: "x".repeat(301) } }), "BAD_USER_INPUT", "input.title"],
  ["article: bad slug", CREATE_ARTICLE, () => ({ input: { ...article(), slug: "Not A Slug!" } }), "BAD_USER_INPUT", "input.slug"],
  ["article: taken slug", CREATE_ARTICLE, () => ({ input: { ...article(), slug: "the-therapeutic-relationship" } }), "CONFLICT", "input.slug"],
  ["article: javascript: video url", CREATE_ARTICLE, () => ({ input: { ...article(), videoUrl: "javascript:alert(1)" } }), "BAD_USER_INPUT", "input.videoUrl"],
  ["article: no categories", CREATE_ARTICLE, () => ({ input: { ...article(), categoryIds: [] } }), "BAD_USER_INPUT", "input.categoryIds"],
  ["article: category twice", CREATE_ARTICLE, () => ({ input: { ...article(), categoryIds: [ids.category, ids.category] } }), "BAD_USER_INPUT", "input.categoryIds"],
  ["article: an author id where a category belongs", CREATE_ARTICLE, () => ({ input: { ...article(), categoryIds: [ids.author] } }), "BAD_USER_INPUT", "input.categoryIds.0"],
  ["article: unknown author", CREATE_ARTICLE, () => ({ input: { ...article(), authorId: missing("Author") } }), "NOT_FOUND", "input.authorId"],
  ["article: garbage id", CREATE_ARTICLE, () => ({ input: { ...article(), authorId: "%%%" } }), "BAD_USER_INPUT", "input.authorId"],
  ["article: missing required field", CREATE_ARTICLE, () => ({ input: { title: "No body" } }), "BAD_USER_INPUT"],
  ["article update: null title", UPDATE_ARTICLE, () => ({ id: ids.article, input: { title: null } }), "BAD_USER_INPUT", "input.title"],
  ["article update: unknown article", UPDATE_ARTICLE, () => ({ id: missing("Article"), input: { title: "x" } }), "NOT_FOUND", "id"],
  ["article update: valid change, one bad category", UPDATE_ARTICLE, () => ({ id: ids.article, input: { title: "Changed", categoryIds: [ids.category, missing("Category")] } }), "NOT_FOUND", "input.categoryIds.1"],
  ["publish: bad date", `mutation ($id: ID!) { publishArticle(id: $id, at: "tomorrow") { article { id } } }`, () => ({ id: ids.article }), "BAD_USER_INPUT"],
  ["publish: year 1200", `mutation ($id: ID!) { publishArticle(id: $id, at: "1200-01-01T00:00:00Z") { article { id } } }`, () => ({ id: ids.article }), "BAD_USER_INPUT", "at"],
  ["author: blank name", CREATE_AUTHOR, () => ({ input: { name: "" } }), "BAD_USER_INPUT", "input.name"],
  ["author: bad website", CREATE_AUTHOR, () => ({ input: { name: "Ann", websiteUrl: "ftp://example.org" } }), "BAD_USER_INPUT", "input.websiteUrl"],
  ["author: delete with articles", `mutation ($id: ID!) { deleteAuthor(id: $id) { deletedId } }`, () => ({ id: ids.busyAuthor }), "CONFLICT", "reassignArticlesTo"],
  ["author: reassign to self", `mutation ($id: ID!) { deleteAuthor(id: $id, reassignArticlesTo: $id) { deletedId } }`, () => ({ id: ids.busyAuthor }), "CONFLICT", "reassignArticlesTo"],
  ["category: own parent", UPDATE_CATEGORY, () => ({ id: ids.category, input: { name: "Renamed", parentId: ids.category } }), "BAD_USER_INPUT", "input.parentId"],
  ["category: unknown parent", UPDATE_CATEGORY, () => ({ id: ids.category, input: { parentId: missing("Category") } }), "NOT_FOUND", "input.parentId"],
  ["category: delete with articles", `mutation ($id: ID!) { deleteCategory(id: $id) { deletedId } }`, () => ({ id: ids.busyCategory }), "CONFLICT", "moveArticlesTo"],
  ["category: move articles to a missing category", `mutation ($id: ID!, $to: ID!) { deleteCategory(id: $id, moveArticlesTo: $to) { deletedId } }`, () => ({ id: ids.busyCategory, to: missing("Category") }), "NOT_FOUND", "moveArticlesTo"],
  ["page: blank title", CREATE_PAGE, () => ({ input: { title: " ", body: "<p>x</p>" } }), "BAD_USER_INPUT", "input.title"],
  ["page: taken slug", CREATE_PAGE, () => ({ input: { title: "About", body: "x", slug: "about" } }), "CONFLICT", "input.slug"],
  ["page: delete a missing page", `mutation ($id: ID!) { deletePage(id: $id) { deletedId } }`, () => ({ id: missing("Page") }), "NOT_FOUND", "id"],
  ["featured: ends before it starts", SET_FEATURED, () => ({ items: [{ articleId: ids.article, startsAt: "2030-01-02T00:00:00Z", endsAt: "2030-01-01T00:00:00Z" }] }), "BAD_USER_INPUT", "items.0.endsAt"],
  ["featured: second item missing", SET_FEATURED, () => ({ items: [{ articleId: ids.article }, { articleId: missing("Article") }] }), "NOT_FOUND", "items.1.articleId"],
  ["menu: two targets", SET_MENU, () => ({ location: "primary", items: [{ label: "Both", url: "/x/", pageId: ids.page }] }), "BAD_USER_INPUT", "items.0"],
  ["menu: nested bad url", SET_MENU, () => ({ location: "primary", items: [{ label: "Top", url: "/", children: [{ label: "Bad", url: "javascript:alert(1)" }] }] }), "BAD_USER_INPUT", "items.0.children.0.url"],
  ["menu: bad location", SET_MENU, () => ({ location: "Main Menu", items: [] }), "BAD_USER_INPUT", "location"],
  ["menu: deep item targets a missing page", SET_MENU, () => ({ location: "primary", items: [{ label: "A", url: "/", children: [{ label: "B", pageId: missing("Page") }] }] }), "NOT_FOUND", "items.0.children.0.pageId"],
  ["site: blank title", UPDATE_SITE, () => ({ input: { title: "" } }), "BAD_USER_INPUT", "input.title"],
  ["site: bad social link", UPDATE_SITE, () => ({ input: { tagline: "New", socialLinks: [{ network: "facebook", label: "Facebook", url: "not a url" }] } }), "BAD_USER_INPUT", "input.socialLinks.0.url"],
  ["redirect: from is not a path", `mutation { createRedirect(from: "old", to: "/") { redirect { from } } }`, () => ({}), "BAD_USER_INPUT", "from"],
  ["redirect: to itself", `mutation { createRedirect(from: "/a-loop/", to: "/a-loop") { redirect { from } } }`, () => ({}), "BAD_USER_INPUT", "to"],
];

describe("invalid input is refused with a coded error and leaves the database unchanged", () => {
  it.each(CASES)("%s", async (_description, document, variables, code, field) => {
    const before = await contentSnapshot();
    const response = await graphql(document, variables(), admin);
    expect(response.status).toBeLessThan(500);
    const codes = response.body.errors?.map((error) => error.extensions?.code) ?? [];
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set([code]));
    if (field) expect(response.body.errors![0]!.extensions).toMatchObject({ field });
    expect(response.text).not.toMatch(LEAKS);
    expect(await contentSnapshot()).toEqual(before);
  });
});
