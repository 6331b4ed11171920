import { builder } from "../builder.ts";
import { inTransaction } from "../../db/transaction.ts";
import {
  archiveArticle,
  createArticle,
  deleteArticle,
  publishArticle,
  restoreArticleRevision,
  unpublishArticle,
  updateArticle,
  type ChangeAuthor,
} from "../../write/articles.ts";
import { setRelatedArticles } from "../../write/related.ts";
import { ArticlePayload, DeletePayload } from "./payloads.ts";
import { ChangeKindEnum } from "../types/article-revisions.ts";
import { isEditor, type Viewer } from "../../domain/viewer.ts";

/** The token a change is recorded with. */
const changeAuthor = (viewer: Viewer): ChangeAuthor | null => (isEditor(viewer) ? { tokenId: viewer.tokenId, name: viewer.name } : null);

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  description: "A new article; it starts as a DRAFT",
  fields: (t) => ({
    title: t.string({ description: "Plain text", required: true }),
    body: t.string({ required: true, description: "HTML; sanitized when saved" }),
    authorId: t.id({ description: "The global id of an Author", required: true }),
    categoryIds: t.idList({ required: true, description: "In editorial order; the first is the primary category" }),
    excerpt: t.string({ required: false, description: "Plain text; derived from the body when empty" }),
    slug: t.string({ required: false, description: "Generated from the title when not given" }),
    featuredImageUrl: t.string({ description: "An absolute http(s) URL of the article's image", required: false }),
    videoUrl: t.string({ description: "An absolute http(s) URL of the article's video", required: false }),
  }),
});

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  description: "Only the fields given change; null clears excerpt, featuredImageUrl and videoUrl",
  fields: (t) => ({
    title: t.string({ description: "Plain text", required: false }),
    body: t.string({ description: "HTML; sanitized when saved", required: false }),
    authorId: t.id({ description: "The global id of an Author", required: false }),
    categoryIds: t.idList({
      description: "Replaces the article's categories, in editorial order; the first is the primary category",
      required: false,
    }),
    excerpt: t.string({ description: "Plain text; null derives it from the body again", required: false }),
    slug: t.string({ required: false, description: "A new slug leaves a redirect from the old URI" }),
    featuredImageUrl: t.string({ description: "An absolute http(s) URL; null removes the image", required: false }),
    videoUrl: t.string({ description: "An absolute http(s) URL; null removes the video", required: false }),
  }),
});

const editor = { editor: true } as const;

builder.mutationFields((t) => ({
  setRelatedArticles: t.field({
    type: ArticlePayload,
    description: "Pins related articles (in this order) before the computed ones in Article.related; an empty list unpins all",
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      relatedIds: t.arg.idList({ description: "Global ids of other articles, at most 10", required: true }),
    },
    resolve: async (_root, { articleId, relatedIds }) => ({
      id: await inTransaction((tx) => setRelatedArticles(tx, String(articleId), relatedIds.map(String))),
    }),
  }),
  createArticle: t.field({
    type: ArticlePayload,
    description: "Creates a DRAFT",
    authScopes: editor,
    args: { input: t.arg({ description: "The new article", type: CreateArticleInput, required: true }) },
    resolve: async (_root, { input }) => ({ id: await inTransaction((tx) => createArticle(tx, input)) }),
  }),
  updateArticle: t.field({
    description: "Saves changes to an article if nobody saved since the version you read",
    type: ArticlePayload,
    authScopes: editor,
    args: {
      id: t.arg.id({ description: "The article's global id", required: true }),
      input: t.arg({ description: "The changes", type: UpdateArticleInput, required: true }),
      expectedVersion: t.arg.int({ required: true, description: "The version you last read; CONFLICT if someone saved since" }),
      kind: t.arg({
        type: ChangeKindEnum,
        required: false,
        description: "What kind of change this is (MINOR when omitted): MATERIAL and CORRECTION move the public last-updated date",
      }),
      correctionNote: t.arg.string({
        required: false,
        description: "Required with kind CORRECTION, refused otherwise: recorded as the article's correction, shown to readers",
      }),
    },
    resolve: async (_root, { id, input, expectedVersion, kind, correctionNote }, ctx) => ({
      id: await inTransaction((tx) => updateArticle(tx, String(id), input, expectedVersion, ctx.now, { kind, correctionNote, by: changeAuthor(ctx.viewer) })),
    }),
  }),
  restoreArticleRevision: t.field({
    description:
      "Writes an article's editable fields as they were at an earlier version, as a new version (its status does not change; the revisions record the restore)",
    type: ArticlePayload,
    authScopes: editor,
    args: {
      articleId: t.arg.id({ description: "The article's global id", required: true }),
      version: t.arg.int({ required: true, description: "The version whose fields to restore (see Article.revisions)" }),
      expectedVersion: t.arg.int({ required: true, description: "The version you last read; CONFLICT if someone saved since" }),
      kind: t.arg({ type: ChangeKindEnum, required: false, description: "The kind of the restoring change; MINOR when omitted" }),
      correctionNote: t.arg.string({ required: false, description: "Required with kind CORRECTION, refused otherwise" }),
    },
    resolve: async (_root, { articleId, version, expectedVersion, kind, correctionNote }, ctx) => ({
      id: await inTransaction((tx) =>
        restoreArticleRevision(tx, String(articleId), version, expectedVersion, ctx.now, { kind, correctionNote, by: changeAuthor(ctx.viewer) }),
      ),
    }),
  }),
  publishArticle: t.field({
    description: "Publishes an article now or at a given time (a future time schedules it)",
    type: ArticlePayload,
    authScopes: editor,
    args: {
      id: t.arg.id({ description: "The article's global id", required: true }),
      at: t.arg({ type: "DateTime", required: false, description: "Publication time: omit for now; a future time schedules it" }),
    },
    resolve: async (_root, { id, at }, ctx) => ({
      id: await inTransaction((tx) => publishArticle(tx, String(id), at, ctx.now)),
    }),
  }),
  unpublishArticle: t.field({
    type: ArticlePayload,
    description: "Back to DRAFT",
    authScopes: editor,
    args: { id: t.arg.id({ description: "The article's global id", required: true }) },
    resolve: async (_root, { id }) => ({ id: await inTransaction((tx) => unpublishArticle(tx, String(id))) }),
  }),
  archiveArticle: t.field({
    description: "Archives an article: it leaves the site but is kept",
    type: ArticlePayload,
    authScopes: editor,
    args: { id: t.arg.id({ description: "The article's global id", required: true }) },
    resolve: async (_root, { id }) => ({ id: await inTransaction((tx) => archiveArticle(tx, String(id))) }),
  }),
  deleteArticle: t.field({
    description: "Deletes an article, its category links and its featured items",
    type: DeletePayload,
    authScopes: editor,
    args: { id: t.arg.id({ description: "The article's global id", required: true }) },
    resolve: async (_root, { id }) => {
      await inTransaction((tx) => deleteArticle(tx, String(id)));
      return { deletedId: String(id) };
    },
  }),
}));
