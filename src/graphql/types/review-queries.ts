import type { Prisma } from "../../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { builder } from "../builder.ts";
import { db } from "../../db/client.ts";
import { Article } from "./article.ts";
import { badInput } from "../../domain/errors.ts";
import { visibleArticleWhere } from "../../domain/visibility.ts";
import { resolveConnection, type CursorOrder, type Window } from "../connections/pagination.ts";
import { nodeSelection, selectsPage, type CountedConnection } from "../connections/article-connection.ts";
import { totalCountField } from "../connections/total-count.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

interface DueRow {
  articleId: number;
  nextReviewDue: Date | null;
  article: { id: number };
}

/** Soonest due first, then by article id; a cursor holds the due time (ms) and the id. */
const SOONEST_DUE: CursorOrder<DueRow, number> = {
  name: "due",
  positionOf: (row) => ({ key: row.nextReviewDue?.getTime() ?? 0, id: row.articleId }),
  parseKey: (raw) => (typeof raw === "number" && Number.isSafeInteger(raw) ? raw : undefined),
};

function dueWhere(withinDays: number | null | undefined, ctx: Context): Prisma.ArticleTrustWhereInput {
  const days = withinDays ?? 30;
  if (days < 0 || days > 3650) throw badInput('"withinDays" must be between 0 and 3650', { argument: "withinDays" });
  const horizon = new Date(ctx.now.getTime() + days * DAY_MS);
  return { nextReviewDue: { lte: horizon }, article: visibleArticleWhere(ctx) };
}

/** Rows strictly past a position, in the order (nextReviewDue, articleId) or its reverse. */
function past(position: { key: number; id: number }, direction: "gt" | "lt"): Prisma.ArticleTrustWhereInput {
  const at = new Date(position.key);
  return { OR: [{ nextReviewDue: { [direction]: at } }, { nextReviewDue: at, articleId: { [direction]: position.id } }] };
}

function windowQuery(where: Prisma.ArticleTrustWhereInput, window: Window<number>) {
  const direction = window.fromEnd ? "desc" : "asc";
  return {
    where: { AND: [where, ...(window.after ? [past(window.after, "gt")] : []), ...(window.before ? [past(window.before, "lt")] : [])] },
    orderBy: [{ nextReviewDue: direction }, { articleId: direction }] as Prisma.ArticleTrustOrderByWithRelationInput[],
    take: window.limit,
  };
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
        const readPage = selectsPage(ctx, info);
        const connection = await resolveConnection<DueRow, number>(args, SOONEST_DUE, async (window) =>
          readPage
            ? await db().articleTrust.findMany({
                ...windowQuery(where, window),
                select: { articleId: true, nextReviewDue: true, article },
              })
            : [],
        );
        return {
          ...connection,
          edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.article })),
          totalCount: () => db().articleTrust.count({ where }),
        };
      },
    },
    { fields: totalCountField },
  ),
}));
