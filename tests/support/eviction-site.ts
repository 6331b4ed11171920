import { encodeGlobalID } from "@pothos/plugin-relay";
import { db } from "../../src/db/client.ts";
import { emptyAuthor, emptyCategory, page, unique } from "./fixtures.ts";

/**
 * A site alone among live articles (every other live article is archived first, directly in the
 * database): P ⊃ C1, C2, C3; authors A and B; live X ("Beta", C1, A, in the menu), Y ("Delta",
 * C2, B, in the slot), Z ("Gamma", C3, B, its body says "zebra"); draft D ("Alpha", C1, A).
 */
export async function evictionSite(now: Date) {
  await db().article.updateMany({ where: { status: "PUBLISHED" }, data: { status: "ARCHIVED" } });
  const [a, b] = [await emptyAuthor(), await emptyAuthor()];
  const p = await emptyCategory();
  const [c1, c2, c3] = [await emptyCategory(p.id), await emptyCategory(), await emptyCategory()];
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const article = async (title: string, authorId: number, categoryId: number, publishedAt: Date | null, bodyText = "Body") => {
    const row = await db().article.create({
      data: {
        slug: `eviction-${unique()}`, title, body: `<p>${bodyText}</p>`, bodyText, searchText: `${title}\n${bodyText}`.toLowerCase(), wordCount: 1, authorId,
        status: publishedAt ? "PUBLISHED" : "DRAFT", publishedAt,
        categories: { create: { categoryId, position: 0 } },
      },
    });
    return { ...row, globalId: encodeGlobalID("Article", row.id) };
  };
  const x = await article("Beta", a.id, c1.id, new Date(hourAgo.getTime() - 2000));
  const y = await article("Delta", b.id, c2.id, new Date(hourAgo.getTime() - 1000));
  const z = await article("Gamma", b.id, c3.id, hourAgo, "zebra");
  const d = await article("Alpha", a.id, c1.id, null);
  const menu = `menu-${unique()}`;
  await db().menu.create({ data: { location: menu, name: menu, items: { create: { label: "X", position: 0, articleId: x.id } } } });
  const slot = `slot-${unique()}`;
  await db().featuredItem.create({ data: { slot, position: 0, articleId: y.id } });
  return { a, b, p, c1, c2, c3, x, y, z, d, menu, slot, page: await page(), renamed: `renamed-${unique()}`, oldPath: `/old-${unique()}/` };
}

export type EvictionSite = Awaited<ReturnType<typeof evictionSite>>;

/** The fixed set of answers each edit is tested on. */
export function evictionOperations(site: EvictionSite) {
  const archive = `articleCount articles(first: 5) { nodes { title } }`;
  const titles = `nodes { title }`;
  return {
    articleX: `{ article(slug: "${site.x.slug}") { title body excerpt author { name } categories { name } } }`,
    articleY: `{ article(slug: "${site.y.slug}") { title } }`,
    newest: `{ articles(first: 10) { ${titles} } }`,
    byTitle: `{ articles(first: 2, orderBy: TITLE) { ${titles} } }`,
    c1: `{ category(slug: "${site.c1.slug}") { ${archive} } }`,
    c2: `{ category(slug: "${site.c2.slug}") { ${archive} } }`,
    c3: `{ category(slug: "${site.c3.slug}") { ${archive} } }`,
    inParent: `{ articles(first: 5, where: { categorySlug: "${site.p.slug}" }) { ${titles} } }`,
    authorA: `{ author(slug: "${site.a.slug}") { ${archive} } }`,
    authorB: `{ author(slug: "${site.b.slug}") { ${archive} } }`,
    byAuthorA: `{ articles(first: 5, where: { authorSlug: "${site.a.slug}" }) { ${titles} } }`,
    search: `{ articles(first: 5, where: { search: "zebra" }) { ${titles} } }`,
    menu: `{ menu(location: "${site.menu}") { items { label url } } }`,
    featured: `{ featured(slot: "${site.slot}") { article { title } } }`,
    site: `{ site { title } }`,
    sidebar: `{ categories(first: 100, where: { hasArticles: true }) { nodes { name articleCount } } }`,
    page: `{ page(slug: "${site.page.slug}") { title } }`,
    missDraft: `{ article(slug: "${site.d.slug}") { title } }`,
    missSlug: `{ article(slug: "${site.renamed}") { title } }`,
    missUri: `{ resolveUri(uri: "/${site.renamed}/") { __typename } }`,
    missUriInCapitals: `{ resolveUri(uri: "/${site.renamed.toUpperCase()}/") { __typename } }`,
    missNode: `{ node(id: "${site.d.globalId}") { id } }`,
    oldPath: `{ resolveUri(uri: "${site.oldPath}") { __typename ... on Redirect { to } } }`,
  };
}
