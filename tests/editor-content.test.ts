import { beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle, emptyAuthor, emptyCategory, page, seededAuthor } from "./support/fixtures.ts";
import { db } from "../src/db/client.ts";

let editor: Record<string, string>;
let admin: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
  admin = await tokenHeaders("admin");
});

async function mutate(document: string, variables: Record<string, unknown>, headers = editor) {
  const response = await graphql(document, variables, headers);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

describe("editors manage authors, categories and pages", () => {
  it("creates and updates an author, sanitizing the bio and redirecting the old URI", async () => {
    const { createAuthor } = await mutate(
      `mutation { createAuthor(input: { name: "Zoë Ødegaard", credentials: "PhD", bio: "<p onclick='x()'>Hi</p><script>x()</script>" }) { author { id slug uri displayName bio } } }`,
      {},
    );
    expect(createAuthor.author).toMatchObject({ slug: "zoe-odegaard", uri: "/author/zoe-odegaard/", displayName: "Zoë Ødegaard, PhD", bio: "<p>Hi</p>" });

    const { updateAuthor } = await mutate(
      `mutation ($id: ID!) { updateAuthor(id: $id, input: { slug: "zoe", credentials: null }) { author { uri displayName } } }`,
      { id: createAuthor.author.id },
    );
    expect(updateAuthor.author).toEqual({ uri: "/author/zoe/", displayName: "Zoë Ødegaard" });
    expect(await db().redirect.findUnique({ where: { fromUri: "/author/zoe-odegaard/" } })).toMatchObject({ toUri: "/author/zoe/" });
  });

  it("deletes an author after reassigning their articles", async () => {
    const article = await draftArticle();
    const heir = await emptyAuthor();
    const author = await seededAuthor();
    const leaving = await emptyAuthor();
    await db().article.update({ where: { id: article.id }, data: { authorId: leaving.id } });
    const { deleteAuthor } = await mutate(
      `mutation ($id: ID!, $to: ID!) { deleteAuthor(id: $id, reassignArticlesTo: $to) { deletedId } }`,
      { id: leaving.globalId, to: heir.globalId },
    );
    expect(deleteAuthor.deletedId).toBe(leaving.globalId);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).authorId).toBe(heir.id);
    expect(author.id).not.toBe(heir.id);
  });

  it("creates nested categories and deletes one after moving its articles", async () => {
    const parent = await emptyCategory();
    const { createCategory } = await mutate(
      `mutation ($parentId: ID!) { createCategory(input: { name: "Sleep & Anxiety", parentId: $parentId }) { category { id slug uri parent { slug } } } }`,
      { parentId: parent.globalId },
    );
    expect(createCategory.category).toMatchObject({ slug: "sleep-anxiety", uri: `/category/${parent.slug}/sleep-anxiety/`, parent: { slug: parent.slug } });

    const article = await draftArticle();
    const categoryId = Number(Buffer.from(createCategory.category.id, "base64").toString().split(":")[1]);
    await db().articleCategory.create({ data: { articleId: article.id, categoryId, position: 1 } });
    await mutate(`mutation ($id: ID!, $to: ID!) { deleteCategory(id: $id, moveArticlesTo: $to) { deletedId } }`, {
      id: createCategory.category.id,
      to: parent.globalId,
    });
    const links = await db().articleCategory.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" } });
    expect(links.map((link) => link.categoryId)).toContain(parent.id);
    expect(links.map((link) => link.categoryId)).not.toContain(categoryId);
  });

  it("creates, drafts and deletes a page", async () => {
    const { createPage } = await mutate(
      `mutation { createPage(input: { title: "Privacy Policy", body: "<p>We keep nothing.</p>", status: DRAFT }) { page { id slug uri status } } }`,
      {},
    );
    expect(createPage.page).toMatchObject({ slug: "privacy-policy", uri: "/page/privacy-policy/", status: "DRAFT" });
    const anonymous = await graphql(`{ page(slug: "privacy-policy") { title } }`);
    expect(anonymous.body.data.page).toBeNull();

    await mutate(`mutation ($id: ID!) { updatePage(id: $id, input: { status: PUBLISHED }) { page { status } } }`, { id: createPage.page.id });
    expect((await graphql(`{ page(slug: "privacy-policy") { title } }`)).body.data.page).toEqual({ title: "Privacy Policy" });

    await mutate(`mutation ($id: ID!) { deletePage(id: $id) { deletedId } }`, { id: createPage.page.id });
    expect((await graphql(`{ page(slug: "privacy-policy") { title } }`)).body.data.page).toBeNull();
  });
});

describe("editors arrange featured slots and menus; admins edit the site", () => {
  it("replaces a featured slot in order, with overrides and times", async () => {
    const article = await db().article.findFirstOrThrow({ where: { slug: "the-therapeutic-relationship" } });
    const draft = await draftArticle();
    const { setFeatured } = await mutate(
      `mutation ($items: [FeaturedItemInput!]!) { setFeatured(slot: "home", items: $items) { slot items { position title startsAt article { slug } } } }`,
      {
        items: [
          { articleId: encodeGlobalID("Article", article.id), title: "Start here", startsAt: "2020-01-01T00:00:00Z" },
          { articleId: draft.globalId },
        ],
      },
    );
    expect(setFeatured.items).toEqual([
      { position: 0, title: "Start here", startsAt: "2020-01-01T00:00:00.000Z", article: { slug: article.slug } },
      { position: 1, title: draft.title, startsAt: null, article: { slug: draft.slug } },
    ]);
    const { body } = await graphql(`{ featured(slot: "home", first: 10) { title } }`);
    expect(body.data.featured).toEqual([{ title: "Start here" }]);
  });

  it("replaces a menu's item tree", async () => {
    const category = await emptyCategory();
    const target = await page();
    const { setMenu } = await mutate(
      `mutation ($items: [MenuItemInput!]!) { setMenu(location: "footer", name: "Footer", items: $items) {
        menu { location name items { label url children { label url } } } } }`,
      {
        items: [
          { label: "Topics", categoryId: category.globalId, children: [{ label: "Contact", pageId: target.globalId }] },
          { label: "Elsewhere", url: "https://example.org/" },
        ],
      },
    );
    expect(setMenu.menu).toEqual({
      location: "footer",
      name: "Footer",
      items: [
        { label: "Topics", url: `/category/${category.slug}/`, children: [{ label: "Contact", url: `/page/${target.slug}/` }] },
        { label: "Elsewhere", url: "https://example.org/", children: [] },
      ],
    });
  });

  it("updates the site settings and social links", async () => {
    const { updateSite } = await mutate(
      `mutation { updateSite(input: { tagline: "Calm, evidence first", socialLinks: [{ network: "mastodon", label: "Mastodon", url: "https://example.social/@arp" }] }) {
        site { title tagline socialLinks { network url } } } }`,
      {},
      admin,
    );
    expect(updateSite.site).toEqual({
      title: "Anxiety Relief Project",
      tagline: "Calm, evidence first",
      socialLinks: [{ network: "mastodon", url: "https://example.social/@arp" }],
    });
  });
});
