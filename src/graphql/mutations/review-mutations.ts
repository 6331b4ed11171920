import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import { addCorrection, approveReview, requestReview, updateArticleTrust } from "../../write/article-trust.ts";
import { updateAuthorProfile } from "../../write/author-profile.ts";
import { updateEditorialSettings } from "../../write/editorial-settings.ts";
import { CredentialKindEnum } from "../types/author-credentials.ts";
import { FeedContentEnum, Site } from "../types/editorial-settings.ts";
import { ArticlePayload, AuthorPayload } from "./payloads.ts";

const CitationInput = builder.inputType("CitationInput", {
  description: "A source; give a DOI or PMID where there is one (both are validated)",
  fields: (t) => ({
    title: t.string({ description: "The source's title", required: true }),
    authors: t.string({ required: true, description: 'As printed in the reference: "Horvath AO, Del Re AC"' }),
    journal: t.string({ description: "Where it was published", required: false }),
    year: t.int({ description: "The year it was published", required: false }),
    doi: t.string({ required: false, description: 'e.g. "10.1037/a0022186"; "doi:" and https://doi.org/ prefixes are accepted' }),
    pmid: t.string({ required: false, description: 'PubMed id, digits only, e.g. "21401273"' }),
    url: t.string({ required: false, description: "An absolute http(s) URL" }),
    accessedAt: t.field({ type: "DateTime", required: false, description: "When url was last consulted" }),
  }),
});

const ArticleTrustInput = builder.inputType("ArticleTrustInput", {
  description: "Only the fields given change; lists replace what was there",
  fields: (t) => ({
    authorIds: t.idList({ required: false, description: "Every author in byline order; the first becomes Article.author" }),
    medicalReviewerIds: t.idList({
      required: false,
      description:
        "Each a person (not an organisation) holding a credential and not an author of the article; admins and editor tokens that act for no one only",
    }),
    factCheckedById: t.id({ required: false, description: "null clears it" }),
    factCheckedAt: t.field({
      description: "When the article's facts were last checked; null clears it",
      type: "DateTime",
      required: false,
    }),
    disclaimer: t.string({ required: false, description: "Plain text; null or blank clears it" }),
    citations: t.field({ type: [CitationInput], required: false, description: "The whole list, in order" }),
  }),
});

const CorrectionInput = builder.inputType("CorrectionInput", {
  description: "A correction published with the article",
  fields: (t) => ({
    text: t.string({ required: true, description: "What was corrected (plain text)" }),
    at: t.field({ type: "DateTime", required: false, description: "When it was corrected; now when omitted" }),
  }),
});

const CredentialInput = builder.inputType("CredentialInput", {
  description: "A degree, licence or certification the person holds",
  fields: (t) => ({
    kind: t.field({ description: "Degree, licence or certification", type: CredentialKindEnum, required: true }),
    category: t.string({ required: true, description: 'Short designation: "PsyD", "LCSW"' }),
    name: t.string({ required: true, description: 'In full: "Doctor of Psychology"' }),
    issuer: t.string({ description: "The body that awarded or issued it", required: false }),
    region: t.string({ required: false, description: 'Where a licence is valid: "Illinois, US"' }),
  }),
});

const AuthorProfileInput = builder.inputType("AuthorProfileInput", {
  description: "Only the fields given change; lists replace what was there",
  fields: (t) => ({
    jobTitle: t.string({ description: "The person's role, e.g. \"Clinical psychologist\"; null clears it", required: false }),
    sameAs: t.stringList({ required: false, description: "Absolute http(s) URLs of the person's other profiles" }),
    conflictOfInterest: t.string({ required: false, description: "null or blank clears it" }),
    qualifications: t.field({ type: [CredentialInput], required: false, description: "Every credential, in display order" }),
  }),
});

const EditorialSettingsInput = builder.inputType("EditorialSettingsInput", {
  description: "The site's editorial settings; only the fields given change",
  fields: (t) => ({
    editorialPolicyUrl: t.string({ required: false, description: "An absolute http(s) URL; null clears it" }),
    reviewIntervalMonths: t.int({ required: false, description: "Months from an approved review to the next (1 to 120)" }),
    feedContent: t.field({ description: "What the Atom feed carries of each article", type: FeedContentEnum, required: false }),
  }),
});

const SitePayload = builder.objectRef<Record<string, never>>("EditorialSettingsPayload").implement({
  description: "The result of updateEditorialSettings",
  fields: (t) => ({
    site: t.field({
      description: "The settings as saved",
      type: Site,
      resolve: async (_root, _args, ctx) => (await ctx.loaders.site()).settings,
    }),
  }),
});

const editor = { editor: true } as const;

builder.mutationFields((t) => ({
  updateArticleTrust: t.field({
    type: ArticlePayload,
    description: "Authors in order, medical reviewers, fact check, disclaimer and citations of an article",
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      input: t.arg({ description: "The changes", type: ArticleTrustInput, required: true }),
    },
    resolve: async (_root, { articleId, input }, ctx) => ({
      id: await inTransaction((tx) => updateArticleTrust(tx, String(articleId), input, ctx.viewer)),
    }),
  }),
  requestReview: t.field({
    type: ArticlePayload,
    description:
      "Asks a credentialed person, not an author of the article, to review it medically (reviewStatus IN_REVIEW). Admins and editor tokens that act for no one only; never for the token's own person",
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      reviewerId: t.arg.id({ description: "The global id of the Author who reviews it", required: true }),
      replace: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: "Reassigns a review waiting for someone else; without it that is REVIEW_ALREADY_PENDING",
      }),
    },
    resolve: async (_root, { articleId, reviewerId, replace }, ctx) => ({
      id: await inTransaction((tx) => requestReview(tx, String(articleId), String(reviewerId), replace ?? false, ctx.viewer, ctx.now)),
    }),
  }),
  approveReview: t.field({
    type: ArticlePayload,
    description:
      "The assigned reviewer approves: sets reviewedAt and nextReviewDue (the site's review interval later). Needs a token that acts for that reviewer",
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      notes: t.arg.string({ required: false, description: "Seen by editors only" }),
    },
    resolve: async (_root, { articleId, notes }, ctx) => ({
      id: await inTransaction((tx) => approveReview(tx, String(articleId), notes, ctx.viewer, ctx.now)),
    }),
  }),
  addCorrection: t.field({
    type: ArticlePayload,
    description: "Publishes a correction with an article",
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      input: t.arg({ description: "The correction", type: CorrectionInput, required: true }),
    },
    resolve: async (_root, { articleId, input }, ctx) => ({
      id: await inTransaction((tx) => addCorrection(tx, String(articleId), input, ctx.now)),
    }),
  }),
  updateAuthorProfile: t.field({
    type: AuthorPayload,
    description:
      "A person's job title, profile links, conflict-of-interest statement and credentials. Admins and editor tokens that act for no one only; never for the token's own person",
    authScopes: editor,
    args: {
      authorId: t.arg.id({ description: "The author's global id", required: true }),
      input: t.arg({ description: "The changes", type: AuthorProfileInput, required: true }),
    },
    resolve: async (_root, { authorId, input }, ctx) => ({
      id: await inTransaction((tx) => updateAuthorProfile(tx, String(authorId), input, ctx.viewer)),
    }),
  }),
  updateEditorialSettings: t.field({
    type: SitePayload,
    description: "Admins: the editorial-policy URL, the review interval and what the feed carries",
    authScopes: { admin: true },
    args: { input: t.arg({ description: "The changes", type: EditorialSettingsInput, required: true }) },
    resolve: async (_root, { input }) => {
      await inTransaction((tx) => updateEditorialSettings(tx, input));
      return {};
    },
  }),
}));
