import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../src/db/client.ts";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { unique } from "./support/fixtures.ts";

// Mutations that replace a whole set, sent at once: on PostgreSQL they run in parallel
// transactions, and the set must end up as one of them wrote it, never doubled.
const AT_ONCE = 8;

let admin: Record<string, string>;
beforeAll(async () => {
  admin = await tokenHeaders("admin");
});

async function atOnce(document: string, variables: Record<string, unknown>) {
  const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => graphql(document, variables, admin)));
  for (const { body } of answers) expect(body.errors).toBeUndefined();
}

describe("sets replaced by several mutations at once", () => {
  it("setMenu leaves one item tree", async () => {
    const location = `menu-${unique()}`;
    const items = [{ label: "Home", url: "/" }, { label: "Topics", url: "/topics/", children: [{ label: "Sleep", url: "/sleep/" }] }];
    await atOnce(`mutation ($location: String!, $items: [MenuItemInput!]!) { setMenu(location: $location, items: $items) { menu { location } } }`, {
      location,
      items,
    });
    expect(await db().menuItem.count({ where: { menu: { location } } })).toBe(3);
  });

  it("setFeatured leaves one list of items", async () => {
    const slot = `slot-${unique()}`;
    const articles = await db().article.findMany({ take: 3, orderBy: { id: "asc" } });
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const items = articles.map((article) => ({ articleId: encodeGlobalID("Article", article.id) }));
    await atOnce(`mutation ($slot: String!, $items: [FeaturedItemInput!]!) { setFeatured(slot: $slot, items: $items) { slot } }`, { slot, items });
    expect(await db().featuredItem.count({ where: { slot } })).toBe(3);
  });

  it("updateSite leaves one list of social links", async () => {
    const socialLinks = [
      { network: "mastodon", label: "Mastodon", url: "https://example.social/@arp" },
      { network: "youtube", label: "YouTube", url: "https://www.youtube.com/@arp" },
    ];
    await atOnce(`mutation ($links: [SocialLinkInput!]!) { updateSite(input: { socialLinks: $links }) { site { title } } }`, { links: socialLinks });
    expect(await db().socialLink.count()).toBe(2);
  });
});
