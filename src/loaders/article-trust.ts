import DataLoader from "dataloader";
import { db } from "../db.ts";
import type { Viewer } from "../viewer.ts";
import { visibleArticleWhere } from "../visibility.ts";
import type {
  ArticleCitation,
  ArticleContributor,
  ArticleCorrection,
  ArticleTrust,
  AuthorCredential,
  AuthorProfile,
} from "../generated/prisma/client.ts";

type Scope = { viewer: Viewer; now: Date };

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Per-request loaders for the trust data of articles and people: one statement each for any
 * number of articles or authors. Rows of articles the viewer may not see are never read, so
 * reviews, citations and corrections of unpublished articles stay invisible to anonymous
 * callers whichever path reaches them.
 */
export function createTrustLoaders(scope: Scope) {
  const visibleArticle = () => visibleArticleWhere(scope);
  return {
    reviewByArticleId: new DataLoader<number, ArticleTrust | null>(async (ids) => {
      const rows = await db().articleTrust.findMany({ where: { articleId: { in: [...ids] }, article: visibleArticle() } });
      const byId = new Map(rows.map((row) => [row.articleId, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    contributorsByArticleId: new DataLoader<number, ArticleContributor[]>(async (ids) => {
      const rows = await db().articleContributor.findMany({
        where: { articleId: { in: [...ids] }, article: visibleArticle() },
        orderBy: [{ articleId: "asc" }, { position: "asc" }],
      });
      const byId = groupBy(rows, (row) => row.articleId);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    citationsByArticleId: new DataLoader<number, ArticleCitation[]>(async (ids) => {
      const rows = await db().articleCitation.findMany({
        where: { articleId: { in: [...ids] }, article: visibleArticle() },
        orderBy: [{ articleId: "asc" }, { position: "asc" }],
      });
      const byId = groupBy(rows, (row) => row.articleId);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    correctionsByArticleId: new DataLoader<number, ArticleCorrection[]>(async (ids) => {
      const rows = await db().articleCorrection.findMany({
        where: { articleId: { in: [...ids] }, article: visibleArticle() },
        orderBy: [{ articleId: "asc" }, { at: "desc" }, { id: "desc" }],
      });
      const byId = groupBy(rows, (row) => row.articleId);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    profileByAuthorId: new DataLoader<number, AuthorProfile | null>(async (ids) => {
      const rows = await db().authorProfile.findMany({ where: { authorId: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.authorId, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    credentialsByAuthorId: new DataLoader<number, AuthorCredential[]>(async (ids) => {
      const rows = await db().authorCredential.findMany({
        where: { authorId: { in: [...ids] } },
        orderBy: [{ authorId: "asc" }, { position: "asc" }],
      });
      const byId = groupBy(rows, (row) => row.authorId);
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}

export type TrustLoaders = ReturnType<typeof createTrustLoaders>;
