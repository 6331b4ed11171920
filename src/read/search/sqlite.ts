import { Prisma } from "../../generated/prisma/client.ts";
import { db } from "../../db/client.ts";
import { fts5Match } from "../../domain/search-query.ts";
import { filterSql, hitOf, windowSql, type HitRow, type SearchEngine, type SearchRequest } from "./engine.ts";

/**
 * SQLite: the FTS5 table "ArticleSearch" (external content: it reads its text from "Article",
 * kept in step by triggers; see the article_search migration). Relevance is FTS5's bm25 with
 * the title weighted 10, the excerpt 4 and the body 1, negated so that higher is better.
 */
const SCORE = Prisma.sql`-bm25("ArticleSearch", 10.0, 4.0, 1.0)`;

/** publishedAt as stored (canonical UTC text), '' for none: the lowest in the order. */
const canonical = (ms: number | null) => (ms == null ? "" : new Date(ms).toISOString().replace("Z", "+00:00"));

function matching(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`FROM "ArticleSearch" JOIN "Article" AS "a" ON "a"."id" = "ArticleSearch"."rowid"
    WHERE "ArticleSearch" MATCH ${fts5Match(request.query)} AND ${filterSql(request)}`;
}

export const sqliteSearch: SearchEngine = {
  hitsSql(request, window) {
    const { where, orderBy } = windowSql(window, (position) => Prisma.sql`${canonical(position.key.publishedAt)}`, (score) => Prisma.sql`${score}`);
    return Prisma.sql`
      SELECT "id", "score", "publishedAt" FROM (
        SELECT "a"."id" AS "id", ${SCORE} AS "score", "a"."publishedAt" AS "publishedAt", COALESCE("a"."publishedAt", '') AS "pub"
        ${matching(request)}
      ) WHERE ${where} ORDER BY ${orderBy} LIMIT ${window.limit}`;
  },
  async hits(request, window) {
    return (await db().$queryRaw<HitRow[]>(this.hitsSql(request, window))).map(hitOf);
  },
  async count(request) {
    const [row] = await db().$queryRaw<{ count: number | bigint }[]>`SELECT COUNT(*) AS "count" ${matching(request)}`;
    return Number(row?.count ?? 0);
  },
  async categoryFacets(request) {
    const rows = await db().$queryRaw<{ categoryId: number; count: number | bigint }[]>`
      SELECT "l"."categoryId" AS "categoryId", COUNT(*) AS "count"
      FROM "ArticleCategory" AS "l" WHERE "l"."articleId" IN (SELECT "a"."id" ${matching(request)})
      GROUP BY "l"."categoryId" ORDER BY "count" DESC, "categoryId"`;
    return rows.map((row) => ({ categoryId: Number(row.categoryId), count: Number(row.count) }));
  },
  async matchingIds(request, limit) {
    const rows = await db().$queryRaw<{ id: number }[]>`
      SELECT "a"."id" AS "id" ${matching(request)} ORDER BY ${SCORE} DESC, "a"."id" DESC LIMIT ${limit}`;
    return rows.map((row) => Number(row.id));
  },
  similarSql(articleId, words, limit) {
    if (words.length === 0) return Prisma.sql`SELECT 0 AS "id", 0.0 AS "score" WHERE 1 = 0`;
    const match = `{title excerpt} : (${words.map((word) => `"${word.replaceAll('"', '""')}"`).join(" OR ")})`;
    return Prisma.sql`SELECT "ArticleSearch"."rowid" AS "id", -bm25("ArticleSearch", 10.0, 4.0, 0.0) AS "score"
      FROM "ArticleSearch" JOIN "Article" AS "a" ON "a"."id" = "ArticleSearch"."rowid"
      WHERE "ArticleSearch" MATCH ${match} AND "a"."id" <> ${articleId} AND "a"."status" = 'PUBLISHED'
      ORDER BY "score" DESC, "id" DESC LIMIT ${limit}`;
  },
  async check() {
    try {
      await db().$executeRawUnsafe(`INSERT INTO "ArticleSearch" ("ArticleSearch", "rank") VALUES ('integrity-check', 1)`);
      const [row] = await db().$queryRaw<{ indexed: number | bigint; articles: number | bigint }[]>`
        SELECT (SELECT COUNT(*) FROM "ArticleSearch") AS "indexed", (SELECT COUNT(*) FROM "Article") AS "articles"`;
      return { ok: true, detail: `FTS5 index consistent with "Article" (${Number(row?.articles ?? 0)} articles)` };
    } catch {
      return { ok: false, detail: `The FTS5 index "ArticleSearch" differs from "Article" (its integrity check failed): run npm run search:rebuild` };
    }
  },
  async rebuild() {
    await db().$executeRawUnsafe(`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild')`);
  },
};
