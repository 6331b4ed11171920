import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import type { ContentChange as ChangeRow } from "../../generated/prisma/client.ts";
import { publicEntityId } from "../../changes/subjects.ts";
import { keysetConnection, keysetWindow, type ListOrder } from "../connections/keyset-connection.ts";
import { totalCountField } from "../connections/total-count.ts";
import { badInput } from "../../domain/errors.ts";

export const ContentChange = builder.objectRef<ChangeRow>("ContentChange").implement({
  description: "One change in the change log: what changed, where, when and by whom",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "Increases with every change; `where: { since }` reads the changes after one" }),
    type: t.exposeString("type", { description: "e.g. article.published, article.updated, page.deleted, menu.changed, batch.changed" }),
    entityType: t.exposeString("entityType", { description: "Article, Page, Category, Author, FeaturedSlot, Menu, Site, Redirect or Batch" }),
    entityId: t.string({
      description: "The global id of an Article, Page, Category or Author; the slot's or menu's name; null for the site and batches",
      nullable: true,
      resolve: (change) => publicEntityId(change.entityType, change.entityId),
    }),
    slug: t.exposeString("slug", { description: "The entity's slug after the change (before it, for a delete)", nullable: true }),
    uri: t.exposeString("uriAfter", { description: "The entity's URI after the change; null once deleted", nullable: true }),
    previousUri: t.exposeString("uriBefore", { description: "The entity's URI before the change; null when it was created", nullable: true }),
    cacheKeys: t.stringList({ description: "The response-cache keys the change evicted", resolve: (change) => JSON.parse(change.cacheKeys) as string[] }),
    actor: t.exposeString("actor", { description: "The name of the API token that made the change; null for scheduled changes", nullable: true }),
    occurredAt: t.expose("occurredAt", { description: "When it happened (a scheduled change: its instant)", type: "DateTime" }),
  }),
});

const ChangeWhere = builder.inputType("ChangeWhere", {
  description: "Filters of the change log; all given filters apply",
  fields: (t) => ({
    type: t.string({ description: 'A change type such as article.published, or a prefix such as "article."', required: false }),
    since: t.int({ description: "Only changes after this sequence: how a client catches up after downtime", required: false }),
  }),
});

const BY_SEQUENCE: ListOrder<ChangeRow, number> = {
  sort: { column: "sequence", direction: "asc", nullable: false, tieBreaker: "sequence" },
  select: {},
  cursor: {
    name: "ContentChange:SEQUENCE",
    positionOf: (change) => ({ key: change.sequence, id: change.sequence }),
    parseKey: (raw) => (typeof raw === "number" && Number.isSafeInteger(raw) ? raw : undefined),
  },
};

builder.queryFields((t) => ({
  changes: t.connection(
    {
      type: ContentChange,
      description: "Editors only: the change log, oldest first",
      authScopes: { editor: true },
      args: { where: t.arg({ description: "Filters", type: ChangeWhere, required: false }) },
      resolve: (_root, args, ctx, info) => {
        const { type, since } = args.where ?? {};
        if (since != null && since < 0) throw badInput("where.since: must not be negative", { field: "where.since" });
        const where = {
          ...(type ? (type.endsWith(".") ? { type: { startsWith: type } } : { type }) : {}),
          ...(since != null ? { sequence: { gt: since } } : {}),
        };
        return keysetConnection(args, ctx, info, {
          cursor: BY_SEQUENCE.cursor,
          read: (window) => db().contentChange.findMany(keysetWindow(where, BY_SEQUENCE.sort, window)),
          count: () => db().contentChange.count({ where }),
        });
      },
    },
    { fields: totalCountField },
  ),
}));
