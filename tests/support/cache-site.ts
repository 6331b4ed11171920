import { encodeGlobalID } from "@pothos/plugin-relay";
import { db } from "../../src/db/client.ts";
import { emptyAuthor, emptyCategory, page, unique } from "./fixtures.ts";

/** A small site of its own: articles X (C1, author A) and Y (C2, author B), draft D (C1, A), a menu to X, a slot with Y. */
export async function cacheSite(now: Date) {
  const [a, b] = [await emptyAuthor(), await emptyAuthor()];
  const [c1, c2] = [await emptyCategory(), await emptyCategory()];
  const article = async (title: string, authorId: number, categoryId: number, publishedAt: Date | null) => {
    const slug = `cache-${unique()}`;
    const row = await db().article.create({
      data: {
        slug, title, body: "<p>Body</p>", bodyText: "Body", wordCount: 1, authorId,
        status: publishedAt ? "PUBLISHED" : "DRAFT", publishedAt,
        categories: { create: { categoryId, position: 0 } },
      },
    });
    return { ...row, globalId: encodeGlobalID("Article", row.id) };
  };
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const x = await article("X", a.id, c1.id, hourAgo);
  const y = await article("Y", b.id, c2.id, hourAgo);
  const d = await article("D", a.id, c1.id, null);
  const menu = `menu-${unique()}`;
  await db().menu.create({ data: { location: menu, name: menu, items: { create: { label: "X", position: 0, articleId: x.id } } } });
  const slot = `slot-${unique()}`;
  await db().featuredItem.create({ data: { slot, position: 0, articleId: y.id } });
  const p = await page();
  return { a, b, c1, c2, x, y, d, menu, slot, page: p };
}

export type CacheSite = Awaited<ReturnType<typeof cacheSite>>;

/** The fixed set of cached operations the invalidation table is tested on. */
export function cachedOperations(site: CacheSite) {
  const list = `articleCount articles(first: 5) { nodes { title } }`;
  return {
    articleX: `{ article(slug: "${site.x.slug}") { title } }`,
    newest: `{ articles(first: 3, orderBy: NEWEST) { nodes { title } } }`,
    category1: `{ category(slug: "${site.c1.slug}") { ${list} } }`,
    category2: `{ category(slug: "${site.c2.slug}") { ${list} } }`,
    authorA: `{ author(slug: "${site.a.slug}") { ${list} } }`,
    menu: `{ menu(location: "${site.menu}") { items { label url } } }`,
    featured: `{ featured(slot: "${site.slot}") { title } }`,
    site: `{ site { title } }`,
    sidebar: `{ categories(first: 100, where: { hasArticles: true }) { nodes { name articleCount } } }`,
    page: `{ page(slug: "${site.page.slug}") { title } }`,
    draftD: `{ article(slug: "${site.d.slug}") { title } }`,
  };
}
