import type { ArticleCitation, ArticleCorrection, Author as AuthorRow } from "../../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { publicModifiedAt } from "../../domain/revisions.ts";
import { builder } from "../builder.ts";
import "../scalars/json-scalar.ts";
import { Article, breadcrumbTrail } from "./article.ts";
import { Author } from "./author.ts";
import { doiUrl, pubmedUrl } from "../../domain/scholarly-ids.ts";
import { REVIEW_STATUSES, reviewStatus } from "../../domain/review-status.ts";
import type { ContributorRole } from "../../domain/credentials.ts";
import { articleJsonLd, type JsonLdPerson } from "../../domain/json-ld.ts";
import { absoluteUrl, uris } from "../../domain/uri.ts";
import { scriptJson } from "../../domain/script-json.ts";
import { recordKeys } from "../../cache/response-keys.ts";
import { cacheKeys } from "../../domain/cache-keys.ts";

export const ReviewStatusEnum = builder.enumType("ReviewStatus", {
  description: "Where an article stands in medical review, at the time of the request",
  values: {
    NOT_REVIEWED: { description: "Never reviewed, and no review requested" },
    IN_REVIEW: { description: "A review was requested and not yet approved" },
    REVIEWED: { description: "Reviewed, and the next review is not yet due" },
    REVIEW_OVERDUE: { description: "Reviewed, but the next review date has passed" },
  } satisfies Record<(typeof REVIEW_STATUSES)[number], unknown>,
});

export const Citation = builder.objectRef<ArticleCitation>("Citation").implement({
  description: "A source an article rests on, in the article's order",
  fields: (t) => ({
    title: t.exposeString("title", { description: "The source's title" }),
    authors: t.exposeString("authors", { description: 'As printed in the reference: "Horvath AO, Del Re AC, …"' }),
    journal: t.exposeString("journal", { description: "Where it was published", nullable: true }),
    year: t.exposeInt("year", { description: "The year it was published", nullable: true }),
    doi: t.exposeString("doi", { nullable: true, description: "Lower case, without a resolver prefix: 10.1037/a0022186" }),
    pmid: t.exposeString("pmid", { nullable: true, description: "PubMed id" }),
    url: t.expose("url", { type: "URL", nullable: true, description: "Where the source can be read, when given" }),
    accessedAt: t.expose("accessedAt", { type: "DateTime", nullable: true, description: "When url was last consulted" }),
    doiUrl: t.field({
      type: "URL",
      nullable: true,
      description: "The DOI as a https://doi.org/ link",
      resolve: (c) => (c.doi ? doiUrl(c.doi) : null),
    }),
    pubmedUrl: t.field({
      type: "URL",
      nullable: true,
      description: "The PubMed page of the PMID",
      resolve: (c) => (c.pmid ? pubmedUrl(c.pmid) : null),
    }),
    link: t.field({
      type: "URL",
      nullable: true,
      description: "The best link to the source: url, else the DOI link, else the PubMed page",
      resolve: (c) => c.url ?? (c.doi ? doiUrl(c.doi) : c.pmid ? pubmedUrl(c.pmid) : null),
    }),
  }),
});

export const Correction = builder.objectRef<ArticleCorrection>("Correction").implement({
  description: "A correction published with an article",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When the correction was made" }),
    text: t.exposeString("text", { description: "What was corrected (plain text)" }),
  }),
});

async function authorsById(ids: readonly number[], ctx: Context): Promise<AuthorRow[]> {
  const authors = await ctx.loaders.authorById().loadMany(ids);
  return authors.filter((author): author is AuthorRow => author != null && !(author instanceof Error));
}

/**
 * The article's trust data and its own columns, read together. Every field that goes on to load
 * people waits for both, so the loads that follow start at the same moment and share their
 * batches whichever path (a list, a featured slot, a lookup) reached the articles.
 */
async function trustOf(articleId: number, ctx: Context) {
  const trust = ctx.loaders.trust();
  const [bundle, facts] = await Promise.all([trust.articleTrust.load(articleId), trust.articleFacts.load(articleId)]);
  if (!facts) throw new Error(`Article ${articleId} is not visible to this request`);
  return { ...bundle, facts };
}

async function reviewOf(articleId: number, ctx: Context) {
  return (await ctx.loaders.trust().articleTrust.load(articleId)).review;
}

async function contributorIds(articleId: number, role: ContributorRole, ctx: Context): Promise<number[]> {
  const { contributors } = await trustOf(articleId, ctx);
  return contributors.filter((c) => c.role === role).map((c) => c.authorId);
}

/** The byline in order: the article's author, then its co-authors. */
async function articleAuthors(articleId: number, ctx: Context): Promise<AuthorRow[]> {
  const { facts, contributors } = await trustOf(articleId, ctx);
  const coAuthors = contributors.filter((c) => c.role === "AUTHOR" && c.authorId !== facts.authorId).map((c) => c.authorId);
  return authorsById([facts.authorId, ...coAuthors], ctx);
}

async function jsonLdPeople(people: readonly AuthorRow[], ctx: Context): Promise<JsonLdPerson[]> {
  const trust = ctx.loaders.trust();
  return Promise.all(
    people.map(async (author) => {
      const { profile, credentials } = await trust.personTrust.load(author.id);
      recordKeys(ctx, [cacheKeys.author(author.id)]);
      return { name: author.name, url: absoluteUrl(ctx.siteUrl, uris.author(author.slug)), isOrganization: author.isOrganization, profile, credentials };
    }),
  );
}

/** The article's schema.org structured data. */
async function structuredDataOf(articleId: number, ctx: Context) {
  const people = Promise.all([
    articleAuthors(articleId, ctx).then((authors) => jsonLdPeople(authors, ctx)),
    contributorIds(articleId, "MEDICAL_REVIEWER", ctx).then((ids) => authorsById(ids, ctx)).then((r) => jsonLdPeople(r, ctx)),
  ]);
  const { facts, review, citations, corrections } = await trustOf(articleId, ctx);
  const [[authorPeople, reviewerPeople], breadcrumbs, site, tags] = await Promise.all([
    people,
    breadcrumbTrail(facts, ctx),
    ctx.loaders.site(),
    ctx.loaders.tagsByArticle().load(articleId),
  ]);
  recordKeys(ctx, tags.map((tag) => cacheKeys.tag(tag.id)));
  return articleJsonLd({
    url: absoluteUrl(ctx.siteUrl, uris.article(facts.slug)),
    title: facts.title,
    description: facts.excerpt ?? facts.derivedExcerpt,
    imageUrl: facts.featuredImageUrl,
    publishedAt: facts.publishedAt,
    modifiedAt: publicModifiedAt(facts) ?? facts.updatedAt,
    authors: authorPeople,
    reviewers: reviewerPeople,
    reviewedAt: review?.reviewedAt ?? null,
    citations,
    corrections,
    breadcrumbs: breadcrumbs.map((crumb) => ({ name: crumb.name, url: absoluteUrl(ctx.siteUrl, crumb.uri) })),
    keywords: tags.map((tag) => tag.name),
    publisher: { name: site.settings.title, url: absoluteUrl(ctx.siteUrl, ""), editorialPolicyUrl: site.editorial.editorialPolicyUrl },
  });
}

const editor = { editor: true } as const;

builder.prismaObjectFields(Article, (t) => ({
  authors: t.field({
    type: [Author],
    description: "Every author in byline order; the first is `author`",
    resolve: (article, _args, ctx) => articleAuthors(article.id, ctx),
  }),
  medicalReviewers: t.field({
    type: [Author],
    description: "The experts who reviewed the article (each holds a credential)",
    resolve: async (article, _args, ctx) => authorsById(await contributorIds(article.id, "MEDICAL_REVIEWER", ctx), ctx),
  }),
  reviewedAt: t.field({
    type: "DateTime",
    nullable: true,
    description: "When the last medical review was approved",
    resolve: async (article, _args, ctx) => (await reviewOf(article.id, ctx))?.reviewedAt ?? null,
  }),
  nextReviewDue: t.field({
    type: "DateTime",
    nullable: true,
    description: "When the next medical review is due (the site's review interval after the last one)",
    resolve: async (article, _args, ctx) => (await reviewOf(article.id, ctx))?.nextReviewDue ?? null,
  }),
  reviewStatus: t.field({
    type: ReviewStatusEnum,
    description: "Computed from the review state and nextReviewDue at the time of the request",
    resolve: async (article, _args, ctx) => reviewStatus(await reviewOf(article.id, ctx), ctx.now),
  }),
  requestedReviewer: t.field({
    type: Author,
    nullable: true,
    description: "Editors only: who was asked to review the article and has not yet approved it",
    authScopes: editor,
    resolve: async (article, _args, ctx) => {
      const { review } = await trustOf(article.id, ctx);
      return review?.requestedReviewerId == null ? null : ctx.loaders.authorById().load(review.requestedReviewerId);
    },
  }),
  reviewNotes: t.string({
    nullable: true,
    description: "Editors only: the reviewer's notes from the last approval",
    authScopes: editor,
    resolve: async (article, _args, ctx) => (await reviewOf(article.id, ctx))?.reviewNotes ?? null,
  }),
  factCheckedBy: t.field({
    type: Author,
    nullable: true,
    description: "Who checked the article's facts",
    resolve: async (article, _args, ctx) =>
      (await authorsById(await contributorIds(article.id, "FACT_CHECKER", ctx), ctx))[0] ?? null,
  }),
  factCheckedAt: t.field({
    type: "DateTime",
    nullable: true,
    description: "When the facts were checked",
    resolve: async (article, _args, ctx) => (await reviewOf(article.id, ctx))?.factCheckedAt ?? null,
  }),
  citations: t.field({
    type: [Citation],
    description: "The sources the article rests on, in order",
    resolve: async (article, _args, ctx) => (await ctx.loaders.trust().articleTrust.load(article.id)).citations,
  }),
  corrections: t.field({
    type: [Correction],
    description: "Corrections, newest first",
    resolve: async (article, _args, ctx) => (await ctx.loaders.trust().articleTrust.load(article.id)).corrections,
  }),
  disclaimer: t.string({
    nullable: true,
    description: "Plain text shown with the article, e.g. that it is no substitute for professional care",
    resolve: async (article, _args, ctx) => (await reviewOf(article.id, ctx))?.disclaimer ?? null,
  }),
  jsonLd: t.field({
    type: "JSON",
    description:
      "schema.org structured data for the article page (a MedicalWebPage with its Article, authors and their credentials, reviewers, citations, publisher and breadcrumb); to embed it in HTML use jsonLdScript",
    resolve: (article, _args, ctx) => structuredDataOf(article.id, ctx),
  }),
  jsonLdScript: t.string({
    description:
      'jsonLd as JSON text with every <, > and & written as \\u003c, \\u003e and \\u0026: it parses to the same value and is safe to place verbatim between <script type="application/ld+json"> and </script>',
    resolve: async (article, _args, ctx) => scriptJson(await structuredDataOf(article.id, ctx)),
  }),
}));
