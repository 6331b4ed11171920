import { Prisma } from "../../generated/prisma/client.ts";
import { visibleArticleSql, type VisibilityScope } from "../../domain/visibility.ts";
import type { SearchQuery } from "../../domain/search-query.ts";

/**
 * Ranked full-text search over articles, one interface with an engine per database: FTS5 on
 * SQLite (sqlite.ts), a weighted tsvector on PostgreSQL (postgresql.ts). Both rank title matches
 * above excerpt matches above body matches, then newer first, then higher id; a position in that
 * order is (score, publishedAt, id), which cursors carry, so pages never repeat or skip a hit.
 */

export interface SearchFilter {
  /** Articles filed in one of these categories; null for any (an empty list matches nothing). */
  categoryIds: number[] | null;
  authorSlug?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  /** Editors only (checked by the caller). */
  status?: string | null;
}

export interface SearchRequest {
  query: SearchQuery;
  filter: SearchFilter;
  scope: VisibilityScope;
}

/** Where a hit lies in the ranking: higher score first, then newer (null last), then higher id. */
export interface SearchPosition {
  key: { score: number; publishedAt: number | null };
  id: number;
}

export type SearchHit = SearchPosition;

export interface SearchWindow {
  after?: SearchPosition;
  before?: SearchPosition;
  limit: number;
  fromEnd: boolean;
}

export interface SearchEngine {
  /** Up to `limit` hits strictly between the window's positions, in ranking order (reversed from the end). */
  hits(request: SearchRequest, window: SearchWindow): Promise<SearchHit[]>;
  /** The statement `hits` runs (for its plan). */
  hitsSql(request: SearchRequest, window: SearchWindow): Prisma.Sql;
  count(request: SearchRequest): Promise<number>;
  /** Hits per category they are filed in, most first, then by category id. */
  categoryFacets(request: SearchRequest): Promise<{ categoryId: number; count: number }[]>;
  /** The ids of the best `limit` hits, for filters that take a set of articles. */
  matchingIds(request: SearchRequest, limit: number): Promise<number[]>;
  /**
   * Rows (id, score) of up to `limit` PUBLISHED articles other than `articleId` whose title or
   * excerpt share any of `words`, most similar first (ties by id). Empty `words`: no rows.
   */
  similarSql(articleId: number, words: string[], limit: number): Prisma.Sql;
  /** Whether the index holds exactly the articles' current text. */
  check(): Promise<{ ok: boolean; detail: string }>;
  rebuild(): Promise<void>;
}

/** The filter and visibility of a search, as conditions on the article aliased "a". */
export function filterSql(request: SearchRequest): Prisma.Sql {
  const { filter, scope } = request;
  const conditions = [visibleArticleSql("a", scope)];
  if (filter.status != null) conditions.push(Prisma.sql`"a"."status" = ${filter.status}`);
  if (filter.categoryIds != null) {
    conditions.push(
      filter.categoryIds.length === 0
        ? Prisma.sql`1 = 0`
        : Prisma.sql`EXISTS (SELECT 1 FROM "ArticleCategory" AS "ac" WHERE "ac"."articleId" = "a"."id" AND "ac"."categoryId" IN (${Prisma.join(filter.categoryIds)}))`,
    );
  }
  if (filter.authorSlug != null) conditions.push(Prisma.sql`"a"."authorId" IN (SELECT "id" FROM "Author" WHERE "slug" = ${filter.authorSlug})`);
  if (filter.publishedAfter) conditions.push(Prisma.sql`"a"."publishedAt" >= ${filter.publishedAfter}`);
  if (filter.publishedBefore) conditions.push(Prisma.sql`"a"."publishedAt" < ${filter.publishedBefore}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The window's conditions and order over a statement's columns "score", "pub" (publishedAt,
 * with null as the lowest value `nullPub`) and "id", all descending.
 */
export function windowSql(window: SearchWindow, pub: (position: SearchPosition) => Prisma.Sql, score: (value: number) => Prisma.Sql): {
  where: Prisma.Sql;
  orderBy: Prisma.Sql;
} {
  const tuple = (position: SearchPosition) => Prisma.sql`(${score(position.key.score)}, ${pub(position)}, ${position.id})`;
  const conditions: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (window.after) conditions.push(Prisma.sql`("score", "pub", "id") < ${tuple(window.after)}`);
  if (window.before) conditions.push(Prisma.sql`("score", "pub", "id") > ${tuple(window.before)}`);
  const direction = Prisma.raw(window.fromEnd ? "ASC" : "DESC");
  return {
    where: Prisma.join(conditions, " AND "),
    orderBy: Prisma.sql`"score" ${direction}, "pub" ${direction}, "id" ${direction}`,
  };
}

export interface HitRow {
  id: number;
  score: number;
  publishedAt: Date | string | null;
}

export function hitOf(row: HitRow): SearchHit {
  return {
    id: Number(row.id),
    key: { score: Number(row.score), publishedAt: row.publishedAt == null ? null : new Date(row.publishedAt).getTime() },
  };
}
