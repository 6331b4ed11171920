import DataLoader from "dataloader";
import { db } from "../db/client.ts";
import type { Viewer } from "../domain/viewer.ts";
import { visibleArticleWhere } from "../domain/visibility.ts";
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

export interface ArticleTrustBundle {
  review: ArticleTrust | null;
  contributors: ArticleContributor[];
  citations: ArticleCitation[];
  corrections: ArticleCorrection[];
}

/** The article's own columns that its trust fields and structured data need. */
export interface ArticleFacts {
  id: number;
  slug: string;
  title: string;
  excerpt: string | null;
  derivedExcerpt: string;
  publishedAt: Date | null;
  updatedAt: Date;
  modifiedAt: Date | null;
  featuredImageUrl: string | null;
  authorId: number;
}

export interface PersonTrust {
  profile: AuthorProfile | null;
  credentials: AuthorCredential[];
}

/**
 * Per-request loaders for the trust data of articles and people: one statement per table for
 * any number of articles or people. Each loader reads its tables together, so every field that
 * needs them continues at the same moment and the loads that follow (bylines, credentials)
 * batch together too. Rows of articles the viewer may not see are never read, so reviews,
 * citations and corrections of unpublished articles stay invisible to anonymous callers
 * whichever path reaches them.
 */
export function createTrustLoaders(scope: Scope) {
  return {
    articleTrust: new DataLoader<number, ArticleTrustBundle>(async (keys) => {
      const where = { articleId: { in: [...keys] }, article: visibleArticleWhere(scope) };
      const [reviews, contributors, citations, corrections] = await Promise.all([
        db().articleTrust.findMany({ where }),
        db().articleContributor.findMany({ where, orderBy: [{ articleId: "asc" }, { position: "asc" }] }),
        db().articleCitation.findMany({ where, orderBy: [{ articleId: "asc" }, { position: "asc" }] }),
        db().articleCorrection.findMany({ where, orderBy: [{ articleId: "asc" }, { at: "desc" }, { id: "desc" }] }),
      ]);
      const reviewById = new Map(reviews.map((row) => [row.articleId, row]));
      const contributorsById = groupBy(contributors, (row) => row.articleId);
      const citationsById = groupBy(citations, (row) => row.articleId);
      const correctionsById = groupBy(corrections, (row) => row.articleId);
      return keys.map((id) => ({
        review: reviewById.get(id) ?? null,
        contributors: contributorsById.get(id) ?? [],
        citations: citationsById.get(id) ?? [],
        corrections: correctionsById.get(id) ?? [],
      }));
    }),
    articleFacts: new DataLoader<number, ArticleFacts | null>(async (keys) => {
      const rows = await db().article.findMany({
        where: { AND: [{ id: { in: [...keys] } }, visibleArticleWhere(scope)] },
        select: {
          id: true,
          slug: true,
          title: true,
          excerpt: true,
          derivedExcerpt: true,
          publishedAt: true,
          updatedAt: true,
          modifiedAt: true,
          featuredImageUrl: true,
          authorId: true,
        },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return keys.map((id) => byId.get(id) ?? null);
    }),
    personTrust: new DataLoader<number, PersonTrust>(async (keys) => {
      const where = { authorId: { in: [...keys] } };
      const [profiles, credentials] = await Promise.all([
        db().authorProfile.findMany({ where }),
        db().authorCredential.findMany({ where, orderBy: [{ authorId: "asc" }, { position: "asc" }] }),
      ]);
      const profileById = new Map(profiles.map((row) => [row.authorId, row]));
      const credentialsById = groupBy(credentials, (row) => row.authorId);
      return keys.map((id) => ({ profile: profileById.get(id) ?? null, credentials: credentialsById.get(id) ?? [] }));
    }),
  };
}
