import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { CHANGE_KINDS, parseChanges, type ChangeKind, type FieldChange } from "../../domain/revisions.ts";
import { keysetConnection, modelList, type ListOrder } from "../connections/keyset-connection.ts";
import { totalCountField } from "../connections/total-count.ts";
import { Article } from "./article.ts";

/* An article's history for editors: Article.revisions. */

export const ChangeKindEnum = builder.enumType("ChangeKind", {
  description: "What kind of change an edit is: it decides whether readers are told the article was updated",
  values: {
    MINOR: { description: "Typos, links, layout: the public last-updated date does not move (the default)" },
    MATERIAL: { description: "A real change of content: the public last-updated date moves and the medical review falls due" },
    CORRECTION: { description: "A correction of an error: needs a correction note, shown to readers; the last-updated date moves" },
  } satisfies Record<ChangeKind, { description: string }>,
});

const ArticleFieldChange = builder.objectRef<FieldChange>("ArticleFieldChange").implement({
  description: "One field an edit changed, with its values before and after",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The UpdateArticleInput field: title, body, excerpt, slug, featuredImageUrl, videoUrl, authorId or categoryIds" }),
    before: t.field({ type: "JSON", nullable: true, description: "The value before (a string, a list of global ids for categoryIds, or null)", resolve: (c) => c.before }),
    after: t.field({ type: "JSON", nullable: true, description: "The value after", resolve: (c) => c.after }),
  }),
});

const ArticleRevision = builder.prismaObject("ArticleRevision", {
  description: "One saved change to an article's editable fields (editors only)",
  select: { id: true },
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The article's version this change made; restoreArticleRevision takes the version to go back to" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the change was saved" }),
    tokenName: t.exposeString("tokenName", { nullable: true, description: "The name of the API token that saved it; null for the system" }),
    kind: t.field({ type: ChangeKindEnum, select: { kind: true }, description: "The kind the editor chose", resolve: (r) => r.kind as ChangeKind }),
    restoredFromVersion: t.exposeInt("restoredFromVersion", { nullable: true, description: "Set when the change restored an earlier version: that version" }),
    changes: t.field({
      type: [ArticleFieldChange],
      select: { changes: true },
      description: "The fields it changed, each with its value before and after",
      resolve: (r) => parseChanges(r.changes),
    }),
  }),
});

const NEWEST_FIRST: ListOrder<{ id: number }, number> = {
  sort: { column: "id", direction: "desc", nullable: false },
  select: { id: true },
  cursor: {
    name: "ArticleRevision:NEWEST",
    positionOf: (row) => ({ key: row.id, id: row.id }),
    parseKey: (raw) => (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined),
  },
};

builder.prismaObjectFields(Article, (t) => ({
  revisions: t.connection(
    {
      type: ArticleRevision,
      description: "Editors only. Every change to the article's editable fields, newest first",
      authScopes: { editor: true },
      resolve: (article, args, ctx, info) =>
        keysetConnection(
          args,
          ctx,
          info,
          modelList(ctx, info, {
            typeName: "ArticleRevision",
            order: NEWEST_FIRST,
            where: { articleId: article.id },
            findMany: (query) => db().articleRevision.findMany(query),
            count: (where) => db().articleRevision.count({ where }),
          }),
        ),
    },
    { fields: totalCountField },
  ),
}));

export { CHANGE_KINDS };
