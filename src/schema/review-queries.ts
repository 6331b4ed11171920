import type { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { builder } from "./builder.ts";
import { db } from "../db.ts";
import { Article } from "./article.ts";
import { assertPageArgs } from "./pagination.ts";
import { badInput } from "../errors.ts";
import { visibleArticleWhere } from "../visibility.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function dueWhere(withinDays: number | null | undefined, ctx: Context): Prisma.ArticleWhereInput {
  const days = withinDays ?? 30;
  if (days < 0 || days > 3650) throw badInput('"withinDays" must be between 0 and 3650', { argument: "withinDays" });
  const horizon = new Date(ctx.now.getTime() + days * DAY_MS);
  return { AND: [visibleArticleWhere(ctx), { trust: { nextReviewDue: { lte: horizon } } }] };
}

builder.queryFields((t) => ({
  articlesDueForReview: t.prismaConnection({
    type: Article,
    cursor: "id",
    description: "Editors only: articles whose next medical review is overdue or falls due within `withinDays`, soonest first",
    authScopes: { editor: true },
    args: {
      withinDays: t.arg.int({ required: false, defaultValue: 30, description: "How far ahead to look (0 to 3650 days)" }),
    },
    totalCount: (_root, args, ctx) => db().article.count({ where: dueWhere(args.withinDays, ctx) }),
    resolve: async (query, _root, args, ctx) => {
      assertPageArgs(args);
      return db().article.findMany({
        ...query,
        where: dueWhere(args.withinDays, ctx),
        orderBy: [{ trust: { nextReviewDue: "asc" } }, { id: "asc" }],
      });
    },
  }),
}));
