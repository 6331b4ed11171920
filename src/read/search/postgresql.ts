import { Prisma } from "../../generated/prisma/client.ts";
import { db } from "../../db/client.ts";
import { tsQuery } from "../../domain/search-query.ts";
import { filterSql, hitOf, windowSql, type HitRow, type SearchEngine, type SearchRequest } from "./engine.ts";

/**
 * PostgreSQL: the generated column "Article"."searchVector" (A title, B excerpt, C body text,
 * configuration lantern_search: unaccent + Snowball English without stop words) with a GIN
 * index; see prisma/postgresql/extra/article_search.sql. Relevance is ts_rank with the weights
 * A 1.0, B 0.4, C 0.1 and length normalization 1 (divided by 1 + log of the document's length).
 */
const SCORE = Prisma.sql`ts_rank('{0.1, 0.1, 0.4, 1.0}', "a"."searchVector", "q"."query", 1)::float8`;

function matching(request: SearchRequest): Prisma.Sql {
  return Prisma.sql`FROM "Article" AS "a" CROSS JOIN to_tsquery('lantern_search', ${tsQuery(request.query)}) AS "q"("query")
    WHERE "a"."searchVector" @@ "q"."query" AND ${filterSql(request)}`;
}

/** The text of "searchVector" as the database computes it from the row now. */
const VECTOR = `setweight(to_tsvector('lantern_search'::regconfig, "title"), 'A') || setweight(to_tsvector('lantern_search'::regconfig, coalesce("excerpt", '')), 'B') || setweight(to_tsvector('lantern_search'::regconfig, "bodyText"), 'C')`;

export const postgresqlSearch: SearchEngine = {
  hitsSql(request, window) {
    const { where, orderBy } = windowSql(
      window,
      (position) => (position.key.publishedAt == null ? Prisma.sql`'-infinity'::timestamptz` : Prisma.sql`${new Date(position.key.publishedAt)}::timestamptz`),
      (score) => Prisma.sql`${score}::float8`,
    );
    return Prisma.sql`
      SELECT "id", "score", "publishedAt" FROM (
        SELECT "a"."id" AS "id", ${SCORE} AS "score", "a"."publishedAt" AS "publishedAt", COALESCE("a"."publishedAt", '-infinity'::timestamptz) AS "pub"
        ${matching(request)}
      ) AS "hits" WHERE ${where} ORDER BY ${orderBy} LIMIT ${window.limit}`;
  },
  async hits(request, window) {
    return (await db().$queryRaw<HitRow[]>(this.hitsSql(request, window))).map(hitOf);
  },
  async count(request) {
    const [row] = await db().$queryRaw<{ count: number | bigint }[]>`SELECT COUNT(*)::int AS "count" ${matching(request)}`;
    return Number(row?.count ?? 0);
  },
  async categoryFacets(request) {
    const rows = await db().$queryRaw<{ categoryId: number; count: number }[]>`
      SELECT "l"."categoryId" AS "categoryId", COUNT(*)::int AS "count"
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
    if (words.length === 0) return Prisma.sql`SELECT 0 AS "id", 0.0::float8 AS "score" WHERE 1 = 0`;
    const query = words.map((word) => `'${word.replaceAll("'", "''").replaceAll("\\", "\\\\")}':AB`).join(" | ");
    // Title (A) and excerpt (B) only: the body (C) weighs nothing.
    return Prisma.sql`SELECT "a"."id" AS "id", ts_rank('{0, 0, 0.4, 1.0}', "a"."searchVector", "q"."query")::float8 AS "score"
      FROM "Article" AS "a" CROSS JOIN to_tsquery('lantern_search', ${query}) AS "q"("query")
      WHERE "a"."searchVector" @@ "q"."query" AND "a"."id" <> ${articleId} AND "a"."status" = 'PUBLISHED'
      ORDER BY "score" DESC, "id" DESC LIMIT ${limit}`;
  },
  async check() {
    const [row] = await db().$queryRawUnsafe<{ stale: number }[]>(
      `SELECT COUNT(*)::int AS "stale" FROM "Article" WHERE "searchVector" IS DISTINCT FROM (${VECTOR})`,
    );
    const stale = Number(row?.stale ?? 0);
    return { ok: stale === 0, detail: stale === 0 ? `searchVector matches every article's text` : `${stale} articles' searchVector differs from their text` };
  },
  async rebuild() {
    // A generated column is always computed from its row; rebuilding the GIN index is all there is to do.
    await db().$executeRawUnsafe(`REINDEX INDEX "Article_searchVector_idx"`);
  },
};
