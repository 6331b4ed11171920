/**
 * The physical limit the benchmark compares against: the article page of GRAPHIQL's example
 * query answered by a plain node:http handler with hand-written SQL through better-sqlite3,
 * returning the same JSON as Lantern.
 */
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { uris } from "../../src/content/uri.ts";
import { deriveExcerpt, readingTimeMinutes } from "../../src/content/text.ts";

const file = process.env.DATABASE_URL!.slice("file:".length);
const db = new Database(file, { readonly: true });
const iso = (value: string | null) => (value == null ? null : new Date(value).toISOString());

const statements = {
  site: db.prepare("SELECT title, tagline, copyright FROM SiteSettings WHERE id = 1"),
  social: db.prepare("SELECT network, label, url FROM SocialLink ORDER BY position, id"),
  categories: db.prepare("SELECT id, slug, name, parentId FROM Category ORDER BY name, id"),
  menuItems: db.prepare(`
    SELECT mi.id, mi.parentId, mi.label, mi.url, mi.categoryId, a.slug AS articleSlug, p.slug AS pageSlug
    FROM MenuItem mi JOIN Menu m ON m.id = mi.menuId
    LEFT JOIN Article a ON a.id = mi.articleId LEFT JOIN Page p ON p.id = mi.pageId
    WHERE m.location = 'primary'
      AND (mi.articleId IS NULL OR (a.status = 'PUBLISHED' AND a.publishedAt <= ?))
      AND (mi.pageId IS NULL OR p.status = 'PUBLISHED')
    ORDER BY mi.position, mi.id`),
  article: db.prepare(`
    SELECT a.id, a.slug, a.title, a.publishedAt, a.wordCount, a.body,
           au.slug AS authorSlug, au.name AS authorName, au.credentials, au.bio, au.websiteUrl
    FROM Article a JOIN Author au ON au.id = a.authorId
    WHERE a.slug = ? AND a.status = 'PUBLISHED' AND a.publishedAt <= ?`),
  articleCategories: db.prepare("SELECT categoryId FROM ArticleCategory WHERE articleId = ? ORDER BY position"),
  featured: db.prepare(`
    SELECT f.title AS titleOverride, f.excerpt AS excerptOverride, a.title, a.excerpt, a.bodyText, a.slug,
           a.publishedAt, au.name AS authorName, au.credentials
    FROM FeaturedItem f JOIN Article a ON a.id = f.articleId JOIN Author au ON au.id = a.authorId
    WHERE f.slot = 'sidebar' AND (f.startsAt IS NULL OR f.startsAt <= ?) AND (f.endsAt IS NULL OR f.endsAt > ?)
      AND a.status = 'PUBLISHED' AND a.publishedAt <= ?
    ORDER BY f.position, f.id LIMIT 1`),
  counts: db.prepare(`
    SELECT ac.categoryId, COUNT(*) AS count FROM ArticleCategory ac JOIN Article a ON a.id = ac.articleId
    WHERE a.status = 'PUBLISHED' AND a.publishedAt <= ? GROUP BY ac.categoryId`),
};

interface CategoryRow { id: number; slug: string; name: string; parentId: number | null }
interface MenuRow { id: number; parentId: number | null; label: string; url: string | null; categoryId: number | null; articleSlug: string | null; pageSlug: string | null }

function articlePage(slug: string) {
  const now = new Date().toISOString().replace("Z", "+00:00");
  const categories = statements.categories.all() as CategoryRow[];
  const byId = new Map(categories.map((c) => [c.id, c]));
  const trail = (category: CategoryRow) => {
    const chain = [category];
    for (let p = category.parentId; p != null; p = byId.get(p)?.parentId ?? null) chain.unshift(byId.get(p)!);
    return chain;
  };
  const categoryUri = (category: CategoryRow) => uris.category(trail(category).map((c) => c.slug));

  const items = statements.menuItems.all(now) as MenuRow[];
  const menuItem = (item: MenuRow) => ({
    label: item.label,
    url: item.articleSlug ? uris.article(item.articleSlug) : item.pageSlug ? uris.page(item.pageSlug)
      : item.categoryId != null && byId.has(item.categoryId) ? categoryUri(byId.get(item.categoryId)!) : (item.url ?? "#"),
  });

  const article = statements.article.get(slug, now) as any;
  let articleJson = null;
  if (article) {
    const articleCategories = (statements.articleCategories.all(article.id) as { categoryId: number }[]).map((r) => byId.get(r.categoryId)!);
    const primary = articleCategories[0];
    articleJson = {
      title: article.title,
      uri: uris.article(article.slug),
      publishedAt: iso(article.publishedAt),
      readingTimeMinutes: readingTimeMinutes(article.wordCount),
      breadcrumbs: [
        { name: "Home", uri: "/" },
        ...(primary ? trail(primary).map((c) => ({ name: c.name, uri: categoryUri(c) })) : []),
        { name: article.title, uri: uris.article(article.slug) },
      ],
      author: {
        displayName: article.credentials ? `${article.authorName}, ${article.credentials}` : article.authorName,
        uri: uris.author(article.authorSlug),
        bio: article.bio,
        websiteUrl: article.websiteUrl,
      },
      categories: articleCategories.map((c) => ({ name: c.name, uri: categoryUri(c) })),
      body: article.body,
    };
  }

  const featured = (statements.featured.all(now, now, now) as any[]).map((f) => ({
    title: f.titleOverride ?? f.title,
    excerpt: f.excerptOverride ?? f.excerpt ?? deriveExcerpt(f.bodyText),
    article: {
      uri: uris.article(f.slug),
      publishedAt: iso(f.publishedAt),
      author: { displayName: f.credentials ? `${f.authorName}, ${f.credentials}` : f.authorName },
    },
  }));
  const counts = new Map((statements.counts.all(now) as { categoryId: number; count: number }[]).map((r) => [r.categoryId, r.count]));

  return {
    data: {
      site: { ...(statements.site.get() as object), socialLinks: statements.social.all() },
      menu: {
        items: items.filter((i) => i.parentId == null).map((item) => ({
          ...menuItem(item),
          children: items.filter((child) => child.parentId === item.id).map(menuItem),
        })),
      },
      article: articleJson,
      featured,
      categories: {
        nodes: categories
          .filter((c) => (counts.get(c.id) ?? 0) > 0)
          .slice(0, 100)
          .map((c) => ({ name: c.name, uri: categoryUri(c), articleCount: counts.get(c.id) ?? 0 })),
      },
    },
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    const json = JSON.stringify(articlePage(body.variables?.slug ?? "the-therapeutic-relationship"));
    response.writeHead(200, { "content-type": "application/json" }).end(json);
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
