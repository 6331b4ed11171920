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

/** Rows come back as each SQL statement below selects them (its interface is beside it). */
type Query = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

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
    return { query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query({ text: numbered(sql), values: params })).rows as Row[], now: () => new Date() };
  }
  const db = new Database(url.slice("file:".length), { readonly: true });
  const prepared = new Map<string, Database.Statement>();
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => {
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
interface SiteRow { title: string; tagline: string | null; copyright: string | null }
interface SocialRow { network: string; label: string | null; url: string }
interface ScheduledRow { categoryId: number; count: number | string }
interface MenuItemRow { id: number; parentId: number | null; label: string; url: string | null; categoryId: number | null; articleSlug: string | null; pageSlug: string | null }
type Instant = string | Date | null;
interface ArticleRow { id: number; slug: string; title: string; publishedAt: Instant; wordCount: number; body: string; authorSlug: string; authorName: string; credentials: string | null; bio: string | null; websiteUrl: string | null }
interface LinkRow { articleId: number; categoryId: number }
interface FeaturedRow { titleOverride: string | null; excerptOverride: string | null; title: string; excerpt: string | null; derivedExcerpt: string | null; slug: string; publishedAt: Instant; authorName: string; credentials: string | null }
interface ListRow { id: number; slug: string; title: string; publishedAt: Instant; excerpt: string | null; derivedExcerpt: string | null; authorSlug: string; authorName: string; credentials: string | null }

async function categoryTree() {
  const categories = await query<CategoryRow>(SQL.categories);
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
    query<MenuItemRow>(SQL.menuItems, [now]),
    query<ArticleRow>(SQL.article, [slug, now]),
    query<FeaturedRow>(SQL.featured, [now, now, now]),
    query<ScheduledRow>(SQL.scheduledCounts, [now]),
    query<SiteRow>(SQL.site),
    query<SocialRow>(SQL.social),
  ]);
  const { categories, byId, trail, uri } = tree;
  const menuItem = (item: MenuItemRow) => ({
    label: item.label,
    url: item.articleSlug ? uris.article(item.articleSlug) : item.pageSlug ? uris.page(item.pageSlug)
      : item.categoryId != null && byId.has(item.categoryId) ? uri(byId.get(item.categoryId)!) : (item.url ?? "#"),
  });

  let articleJson = null;
  if (article) {
    const links = await query<LinkRow>(SQL.links, [article.id]);
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
  const [tree, rows, links] = await Promise.all([categoryTree(), query<ListRow>(SQL.list, [now]), query<LinkRow>(SQL.listLinks, [now])]);
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
  request.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { query?: string; variables?: { slug?: string } };
    const answering = String(body.query).includes("ArticleList") ? articleList() : articlePage(body.variables?.slug ?? "the-therapeutic-relationship");
    answering.then(
      (answer) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer)),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
