import type { Tx } from "../db/transaction.ts";
import { badInput } from "../domain/errors.ts";
import { wordsOf } from "../domain/search-query.ts";
import { foldWord } from "../domain/search-snippet.ts";
import { searchEngine } from "../read/search/index.ts";
import { existingArticle } from "./lookups.ts";
import { decodeNodeId } from "../domain/global-ids.ts";

/**
 * Related articles are computed when an article (or its pins) is saved, so Article.related costs
 * one indexed statement whatever the site's size: the pinned ones in their order, then PUBLISHED
 * articles ranked by categories shared (2 points each) plus the similarity of their title and
 * excerpt to this one's (the search index), ties by id; never the article itself. Stored in
 * Article.relatedIds, STORED_RELATED of them, so some may stop being live and still leave enough.
 */
export const STORED_RELATED = 12;
export const MAX_PINNED = 10;
const CANDIDATES = 50;
const MAX_WORDS = 16;
const STOP = new Set("the and for with from that this what when your you are how why its into about over under than then have has not but can".split(" "));

function similarityWords(title: string, excerpt: string | null): string[] {
  const words = wordsOf(`${title} ${excerpt ?? ""}`).map(foldWord).filter((word) => word.length >= 3 && !STOP.has(word));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** Computes and stores the related ids of one article, in the transaction that saved it. */
export async function refreshRelatedIds(tx: Tx, articleId: number): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true, excerpt: true } });
  const similar = searchEngine().similarSql(articleId, similarityWords(article.title, article.excerpt), CANDIDATES);
  const rows = await tx.$queryRaw<{ id: number; rank: number }[]>`
    WITH "similar" AS (${similar}),
    "shared" AS (
      SELECT "other"."articleId" AS "id", COUNT(*) AS "n"
      FROM "ArticleCategory" AS "own" JOIN "ArticleCategory" AS "other" ON "other"."categoryId" = "own"."categoryId"
      JOIN "Article" AS "a" ON "a"."id" = "other"."articleId"
      WHERE "own"."articleId" = ${articleId} AND "other"."articleId" <> ${articleId} AND "a"."status" = 'PUBLISHED'
      GROUP BY "other"."articleId" ORDER BY COUNT(*) DESC, "other"."articleId" DESC LIMIT ${CANDIDATES}
    ),
    "pinned" AS (SELECT "relatedId" AS "id", "position" FROM "ArticleRelatedPin" WHERE "articleId" = ${articleId})
    SELECT "c"."id" AS "id" FROM (SELECT "id" FROM "similar" UNION SELECT "id" FROM "shared" UNION SELECT "id" FROM "pinned") AS "c"
    LEFT JOIN "similar" AS "s" ON "s"."id" = "c"."id"
    LEFT JOIN "shared" AS "h" ON "h"."id" = "c"."id"
    LEFT JOIN "pinned" AS "p" ON "p"."id" = "c"."id"
    ORDER BY CASE WHEN "p"."position" IS NULL THEN 1 ELSE 0 END, "p"."position",
      2 * COALESCE("h"."n", 0) + COALESCE("s"."score", 0) DESC, "c"."id" DESC
    LIMIT ${STORED_RELATED + MAX_PINNED}`;
  await tx.article.update({ where: { id: articleId }, data: { relatedIds: rows.map((row) => Number(row.id)).join(",") } });
}

/** Replaces an article's pinned related articles (in order; an empty list unpins all) and recomputes its related ids. */
export async function setRelatedArticles(tx: Tx, globalId: string, relatedGlobalIds: readonly string[]): Promise<number> {
  const article = await existingArticle(tx, globalId, "articleId");
  if (relatedGlobalIds.length > MAX_PINNED) {
    throw badInput(`"relatedIds" must list at most ${MAX_PINNED} articles`, { argument: "relatedIds", maximum: MAX_PINNED });
  }
  const ids = relatedGlobalIds.map((id, i) => decodeNodeId(id, "Article", `relatedIds.${i}`));
  if (new Set(ids).size !== ids.length) throw badInput(`"relatedIds" must not list an article twice`, { argument: "relatedIds" });
  if (ids.includes(article.id)) throw badInput(`"relatedIds" must not list the article itself`, { argument: "relatedIds" });
  const found = await tx.article.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) throw badInput(`"relatedIds" names an article that does not exist`, { argument: "relatedIds" });
  await tx.articleRelatedPin.deleteMany({ where: { articleId: article.id } });
  if (ids.length) await tx.articleRelatedPin.createMany({ data: ids.map((relatedId, position) => ({ articleId: article.id, relatedId, position })) });
  await refreshRelatedIds(tx, article.id);
  return article.id;
}
