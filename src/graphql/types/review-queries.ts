import type { Prisma } from "../../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { Article } from "./article.ts";
import { badInput } from "../../domain/errors.ts";
import { visibleArticleWhere } from "../../domain/visibility.ts";
import { keysetConnection, keysetWindow, nodeSelection, type CountedConnection, type ListOrder } from "../connections/keyset-connection.ts";
import { totalCountField } from "../connections/total-count.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

interface DueRow {
  articleId: number;
  nextReviewDue: Date | null;
  article: { id: number };
}

const DUE_COLUMNS = { articleId: true, nextReviewDue: true } as const;

/** Soonest due first, then by article id; a cursor holds the due time (ms) and the id. */
const SOONEST_DUE: ListOrder<DueRow, Date> = {
  sort: { column: "nextReviewDue", direction: "asc", nullable: false, tieBreaker: "articleId" },
  select: DUE_COLUMNS,
  cursor: {
    name: "due",
    // Every row listed has a due time (dueWhere).
    positionOf: (row) => ({ key: row.nextReviewDue!, id: row.articleId }),
    parseKey: (raw) => (typeof raw === "number" && Number.isSafeInteger(raw) ? new Date(raw) : undefined),
    formatKey: (key) => key.getTime(),
  },
};

function dueWhere(withinDays: number | null | undefined, ctx: Context): Prisma.ArticleTrustWhereInput {
  const days = withinDays ?? 30;
  if (days < 0 || days > 3650) throw badInput('"withinDays" must be between 0 and 3650', { argument: "withinDays" });
  const horizon = new Date(ctx.now.getTime() + days * DAY_MS);
  return { nextReviewDue: { lte: horizon }, article: visibleArticleWhere(ctx) };
}

builder.queryFields((t) => ({
  articlesDueForReview: t.connection(
    {
      type: Article,
      description: "Editors only: articles whose next medical review is overdue or falls due within `withinDays`, soonest first",
      authScopes: { editor: true },
      args: {
        withinDays: t.arg.int({ required: false, defaultValue: 30, description: "How far ahead to look (0 to 3650 days)" }),
      },
      resolve: async (_root, args, ctx, info): Promise<CountedConnection<{ id: number }>> => {
        const where = dueWhere(args.withinDays, ctx);
        const article = nodeSelection(ctx, info, "Article", { id: true });
        const connection = await keysetConnection(args, ctx, info, {
          cursor: SOONEST_DUE.cursor,
          read: async (window) =>
            (await db().articleTrust.findMany({
              ...keysetWindow(where, SOONEST_DUE.sort, window),
              select: { ...DUE_COLUMNS, article },
            })) as DueRow[],
          count: () => db().articleTrust.count({ where }),
        });
        return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.article })) };
      },
    },
    { fields: totalCountField },
  ),
}));
