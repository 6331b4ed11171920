import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { db } from "../../src/db/client.ts";

const unique = () => randomUUID().slice(0, 8);

export async function seededAuthor() {
  const author = await db().author.findFirstOrThrow({ orderBy: { id: "asc" } });
  return { ...author, globalId: encodeGlobalID("Author", author.id) };
}

export async function seededCategories(count = 2) {
  const categories = await db().category.findMany({ orderBy: { id: "asc" }, take: count });
  return categories.map((category) => ({ ...category, globalId: encodeGlobalID("Category", category.id) }));
}

export async function draftArticle() {
  const author = await seededAuthor();
  const [category] = await seededCategories(1);
  const slug = `fixture-${unique()}`;
  const article = await db().article.create({
    data: {
      slug, title: `Fixture ${slug}`, body: "<p>Fixture</p>", bodyText: "Fixture", wordCount: 1, authorId: author.id,
      categories: { create: { categoryId: category!.id, position: 0 } },
    },
  });
  return { ...article, globalId: encodeGlobalID("Article", article.id) };
}

export async function emptyAuthor() {
  const author = await db().author.create({ data: { slug: `author-${unique()}`, name: "Fixture Author" } });
  return { ...author, globalId: encodeGlobalID("Author", author.id) };
}

export async function emptyCategory(parentId: number | null = null) {
  const slug = `category-${unique()}`;
  const category = await db().category.create({ data: { slug, name: `Fixture ${slug}`, parentId } });
  return { ...category, globalId: encodeGlobalID("Category", category.id) };
}

export async function page() {
  const created = await db().page.create({ data: { slug: `page-${unique()}`, title: "Fixture page", body: "<p>Fixture</p>" } });
  return { ...created, globalId: encodeGlobalID("Page", created.id) };
}

export async function redirect() {
  return db().redirect.create({ data: { fromUri: `/gone-${unique()}/`, toUri: "/" } });
}

export async function contactMessage() {
  return db().contactMessage.create({ data: { name: "Fixture", email: `fixture-${unique()}@example.org`, subject: "Fixture", message: "Fixture" } });
}

export { unique };
