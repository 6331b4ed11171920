/**
 * The physical limit the benchmark compares against: the article page (GraphiQL's example query)
 * and the 50-article list answered by a plain node:http handler with hand-written SQL, straight
 * through the driver (better-sqlite3 with prepared statements, or `pg`), returning the same JSON
 * as Lantern. DATABASE_URL picks the database as it does for Lantern.
 */
import { createServer } from "node:http";
import Database from "better-sqlite3";
import pg from "pg";
import { uris } from "../../src/domain/uri.ts";
import { readingTimeMinutes } from "../../src/domain/text.ts";

type Row = Record<string, any>;
type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

const url = process.env.DATABASE_URL!;
const postgres = /^postgres(ql)?:/.test(url);

/** SQL written once with `?` placeholders and quoted identifiers; PostgreSQL numbers its placeholders. */
function connect(): { query: Query; now: () => unknown } {
  if (postgres) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const texts = new Map<string, string>();
    const numbered = (sql: string) => {
      let text = texts.get(sql);
      if (!text) texts.set(sql, (text = sql.replace(/\?/g, ((n) => () => `$${++n}`)(0))));
      return text;
    };
    return { query: async (sql, params = []) => (await pool.query({ text: numbered(sql), values: params })).rows, now: () => new Date() };
  }
  const db = new Database(url.slice("file:".length), { readonly: true });
  const prepared = new Map<string, Database.Statement>();
  return {
    query: async (sql, params = []) => {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      return statement.all(...params) as Row[];
    },
    // Instants are stored in this canonical text form; it compares in instant order.
    now: () => new Date().toISOString().replace("Z", "+00:00"),
  };
}

const { query, now: clock } = connect();
const iso = (value: string | Date | null) => (value == null ? null : new Date(value).toISOString());
const displayName = (name: string, credentials: string | null) => (credentials ? `${name}, ${credentials}` : name);

const SQL = {
  site: `SELECT "title", "tagline", "copyright" FROM "SiteSettings" WHERE "id" = 1`,
  social: `SELECT "network", "label", "url" FROM "SocialLink" ORDER BY "position", "id"`,
  categories: `SELECT "id", "slug", "name", "parentId", "publishedArticleCount" FROM "Category" ORDER BY "name", "id"`,
  scheduledCounts: `
    SELECT "l"."categoryId", COUNT(*) AS "count" FROM "Article" "a" JOIN "ArticleCategory" "l" ON "l"."articleId" = "a"."id"
    WHERE "a"."status" = 'PUBLISHED' AND "a"."publishedAt" > ? GROUP BY "l"."categoryId"`,
  menuItems: `
    SELECT "mi"."id", "mi"."parentId", "mi"."label", "mi"."url", "mi"."categoryId", "a"."slug" AS "articleSlug", "p"."slug" AS "pageSlug"
    FROM "MenuItem" "mi" JOIN "Menu" "m" ON "m"."id" = "mi"."menuId"
    LEFT JOIN "Article" "a" ON "a"."id" = "mi"."articleId" AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ?
    LEFT JOIN "Page" "p" ON "p"."id" = "mi"."pageId" AND "p"."status" = 'PUBLISHED'
    WHERE "m"."location" = 'primary'
      AND ("mi"."articleId" IS NULL OR "a"."id" IS NOT NULL) AND ("mi"."pageId" IS NULL OR "p"."id" IS NOT NULL)
    ORDER BY "mi"."position", "mi"."id"`,
  article: `
    SELECT "a"."id", "a"."slug", "a"."title", "a"."publishedAt", "a"."wordCount", "a"."body",
           "au"."slug" AS "authorSlug", "au"."name" AS "authorName", "au"."credentials", "au"."bio", "au"."websiteUrl"
    FROM "Article" "a" JOIN "Author" "au" ON "au"."id" = "a"."authorId"
    WHERE "a"."slug" = ? AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ?`,
  links: `SELECT "articleId", "categoryId" FROM "ArticleCategory" WHERE "articleId" = ? ORDER BY "position"`,
  featured: `
    SELECT "f"."title" AS "titleOverride", "f"."excerpt" AS "excerptOverride", "a"."title", "a"."excerpt", "a"."derivedExcerpt", "a"."slug",
           "a"."publishedAt", "au"."name" AS "authorName", "au"."credentials"
    FROM "FeaturedItem" "f" JOIN "Article" "a" ON "a"."id" = "f"."articleId" JOIN "Author" "au" ON "au"."id" = "a"."authorId"
    WHERE "f"."slot" = 'sidebar' AND ("f"."startsAt" IS NULL OR "f"."startsAt" <= ?) AND ("f"."endsAt" IS NULL OR "f"."endsAt" > ?)
      AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ?
    ORDER BY "f"."position", "f"."id" LIMIT 1`,
  list: `
    SELECT "a"."id", "a"."slug", "a"."title", "a"."publishedAt", "a"."excerpt", "a"."derivedExcerpt",
           "au"."slug" AS "authorSlug", "au"."name" AS "authorName", "au"."credentials"
    FROM "Article" "a" JOIN "Author" "au" ON "au"."id" = "a"."authorId"
    WHERE "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ?
    ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT 50`,
  listLinks: `
    SELECT "l"."articleId", "l"."categoryId" FROM "ArticleCategory" "l"
    WHERE "l"."articleId" IN (
      SELECT "a"."id" FROM "Article" "a" WHERE "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ?
      ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT 50)
    ORDER BY "l"."articleId", "l"."position"`,
};

interface CategoryRow { id: number; slug: string; name: string; parentId: number | null; publishedArticleCount: number }

async function categoryTree() {
  const categories = (await query(SQL.categories)) as CategoryRow[];
  const byId = new Map(categories.map((c) => [c.id, c]));
  const trail = (category: CategoryRow) => {
    const chain = [category];
    for (let p = category.parentId; p != null; p = byId.get(p)?.parentId ?? null) chain.unshift(byId.get(p)!);
    return chain;
  };
  const uri = (category: CategoryRow) => uris.category(trail(category).map((c) => c.slug));
  return { categories, byId, trail, uri };
}

async function articlePage(slug: string) {
  const now = clock();
  const [tree, items, [article], featuredRows, scheduled, [site], social] = await Promise.all([
    categoryTree(),
    query(SQL.menuItems, [now]),
    query(SQL.article, [slug, now]),
    query(SQL.featured, [now, now, now]),
    query(SQL.scheduledCounts, [now]),
    query(SQL.site),
    query(SQL.social),
  ]);
  const { categories, byId, trail, uri } = tree;
  const menuItem = (item: Row) => ({
    label: item.label,
    url: item.articleSlug ? uris.article(item.articleSlug) : item.pageSlug ? uris.page(item.pageSlug)
      : item.categoryId != null && byId.has(item.categoryId) ? uri(byId.get(item.categoryId)!) : (item.url ?? "#"),
  });

  let articleJson = null;
  if (article) {
    const links = await query(SQL.links, [article.id]);
    const articleCategories = links.map((link) => byId.get(link.categoryId)!);
    const primary = articleCategories[0];
    articleJson = {
      title: article.title,
      uri: uris.article(article.slug),
      publishedAt: iso(article.publishedAt),
      readingTimeMinutes: readingTimeMinutes(article.wordCount),
      breadcrumbs: [
        { name: "Home", uri: "/" },
        ...(primary ? trail(primary).map((c) => ({ name: c.name, uri: uri(c) })) : []),
        { name: article.title, uri: uris.article(article.slug) },
      ],
      author: {
        displayName: displayName(article.authorName, article.credentials),
        uri: uris.author(article.authorSlug),
        bio: article.bio,
        websiteUrl: article.websiteUrl,
      },
      categories: articleCategories.map((c) => ({ name: c.name, uri: uri(c) })),
      body: article.body,
    };
  }
  const scheduledBy = new Map(scheduled.map((r) => [r.categoryId, Number(r.count)]));
  const count = (c: CategoryRow) => c.publishedArticleCount - (scheduledBy.get(c.id) ?? 0);

  return {
    data: {
      site: { ...site, socialLinks: social },
      menu: {
        items: items.filter((i) => i.parentId == null).map((item) => ({
          ...menuItem(item),
          children: items.filter((child) => child.parentId === item.id).map(menuItem),
        })),
      },
      article: articleJson,
      featured: featuredRows.map((f) => ({
        title: f.titleOverride ?? f.title,
        excerpt: f.excerptOverride ?? f.excerpt ?? f.derivedExcerpt,
        article: {
          uri: uris.article(f.slug),
          publishedAt: iso(f.publishedAt),
          author: { displayName: displayName(f.authorName, f.credentials) },
        },
      })),
      categories: {
        nodes: categories
          .filter((c) => count(c) > 0)
          .slice(0, 100)
          .map((c) => ({ name: c.name, uri: uri(c), articleCount: count(c) })),
      },
    },
  };
}

async function articleList() {
  const now = clock();
  const [tree, rows, links] = await Promise.all([categoryTree(), query(SQL.list, [now]), query(SQL.listLinks, [now])]);
  const linksOf = new Map<number, number[]>();
  for (const link of links) linksOf.set(link.articleId, [...(linksOf.get(link.articleId) ?? []), link.categoryId]);
  return {
    data: {
      articles: {
        nodes: rows.map((a) => ({
          title: a.title,
          uri: uris.article(a.slug),
          publishedAt: iso(a.publishedAt),
          excerpt: a.excerpt ?? a.derivedExcerpt,
          author: { displayName: displayName(a.authorName, a.credentials), uri: uris.author(a.authorSlug) },
          categories: (linksOf.get(a.id) ?? []).map((id) => tree.byId.get(id)!).map((c) => ({ name: c.name, uri: tree.uri(c) })),
        })),
      },
    },
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    const answer = String(body.query).includes("ArticleList") ? await articleList() : await articlePage(body.variables?.slug ?? "the-therapeutic-relationship");
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
