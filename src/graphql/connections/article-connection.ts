import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import type { Prisma } from "../../generated/prisma/client.ts";
import { db } from "../../db/client.ts";
import type { Context } from "../context.ts";
import { publishedArticleWhere, visibleArticleWhere } from "../../domain/visibility.ts";
import { isEditor, previewedArticleId } from "../../domain/viewer.ts";
import type { PageArgs, Window } from "./pagination.ts";
import { articleOrdering, type ArticleOrder, type SortableArticle } from "../types/article-order.ts";
import { keysetConnection, keysetWindow, modelList, nodeSelection, type CountedConnection, type Selection } from "./keyset-connection.ts";

type ArticleRow = SortableArticle & Record<string, unknown>;

/**
 * A page of `articles(where:, orderBy:)`: one statement for the rows, one for the count if asked
 * (`count` when the filter has a cheaper way to count than the article rows).
 */
export function articleConnection(
  args: PageArgs & { orderBy?: ArticleOrder | null },
  where: Prisma.ArticleWhereInput,
  ctx: Context,
  info: GraphQLResolveInfo,
  count: (where: Prisma.ArticleWhereInput) => Promise<number> = (where) => db().article.count({ where }),
): Promise<CountedConnection<ArticleRow>> {
  const ordering = articleOrdering(args.orderBy, isEditor(ctx.viewer));
  return keysetConnection(
    args,
    ctx,
    info,
    modelList(ctx, info, {
      typeName: "Article",
      order: ordering,
      where,
      findMany: async (query) => (await db().article.findMany(query)) as ArticleRow[],
      count,
    }),
  );
}

/** Where a nested article connection's rows come from: an author's articles, a category's. */
export interface ArticleParent {
  /** Articles of any of these parents. */
  where: (parentIds: readonly number[]) => Prisma.ArticleWhereInput;
  /** What a row needs to tell which parents it belongs to. */
  select: Selection;
  parentsOf: (row: ArticleRow) => number[];
  /** Published articles per parent: the counts kept for every reader (cost independent of the site's size). */
  publishedCounts: (parentIds: readonly number[], ctx: Context) => Promise<ReadonlyMap<number, number>>;
  /** Articles of every status per parent, for editors, in one grouped statement. */
  allCounts: (parentIds: readonly number[]) => Promise<ReadonlyMap<number, number>>;
}

/** Identifies a field in the document, whatever list item it resolves for. */
function fieldKey(info: GraphQLResolveInfo): string {
  const keys: (string | number)[] = [];
  for (let path: GraphQLResolveInfo["path"] | undefined = info.path; path; path = path.prev) {
    if (typeof path.key === "string") keys.unshift(path.key);
  }
  return keys.join(".");
}

function perField<V>(ctx: Context, info: GraphQLResolveInfo, kind: string, create: () => V): V {
  const cache = ctx.loaders.perField();
  const key = `${kind}:${fieldKey(info)}`;
  if (!cache.has(key)) cache.set(key, create());
  return cache.get(key) as V;
}

/**
 * A page of one parent's articles, newest first. The pages of every parent a list shows are
 * read together, so `authors { articles(first: 3) }` costs the same statements for 3 authors
 * as for 25.
 */
export function nestedArticleConnection(
  parent: ArticleParent,
  parentId: number,
  args: PageArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<CountedConnection<ArticleRow>> {
  const ordering = articleOrdering("NEWEST", isEditor(ctx.viewer));
  const visible = visibleArticleWhere(ctx);

  // Every field this loader answers records which columns its rows carry (a parent may appear
  // at several places in the document), so the fields beneath them read the rows loaded here
  // instead of loading them again, one parent at a time.
  const fields = perField(ctx, info, "fields", () => [] as GraphQLResolveInfo[]);
  fields.push(info);
  const pages = (window: Window<unknown>) =>
    perField(ctx, info, "pages", () =>
      new DataLoader<number, ArticleRow[]>(async (parentIds) => {
        const [selection] = fields.map((field) => nodeSelection(ctx, field, "Article", { ...ordering.select, ...parent.select }));
        // Every parent's rows in one read, cut to `limit` per parent below.
        const where = { AND: [visible, parent.where(parentIds)] };
        const query = { ...selection, ...keysetWindow(where, ordering.sort, window, { limited: false }) };
        const rows = (await db().article.findMany(query)) as ArticleRow[];
        const byParent = new Map(parentIds.map((id) => [id, [] as ArticleRow[]]));
        for (const row of rows) {
          for (const id of parent.parentsOf(row)) {
            const page = byParent.get(id);
            if (page && page.length < window.limit) page.push(row);
          }
        }
        return parentIds.map((id) => byParent.get(id)!);
      }),
    );
  const counts = perField(ctx, info, "counts", () =>
    new DataLoader<number, number>(async (parentIds) => {
      const byParent = new Map(isEditor(ctx.viewer) ? await parent.allCounts(parentIds) : await parent.publishedCounts(parentIds, ctx));
      // A preview viewer also sees its one article, counted where it is not live already.
      const previewed = previewedArticleId(ctx.viewer);
      if (previewed != null) {
        const hidden = await db().article.findMany({
          where: { AND: [{ id: previewed }, { NOT: publishedArticleWhere(ctx.now) }, parent.where(parentIds)] },
          select: { id: true, ...parent.select },
        });
        for (const row of hidden as ArticleRow[]) for (const id of parent.parentsOf(row)) byParent.set(id, (byParent.get(id) ?? 0) + 1);
      }
      return parentIds.map((id) => byParent.get(id) ?? 0);
    }),
  );

  return keysetConnection(args, ctx, info, {
    cursor: ordering.cursor,
    read: (window) => pages(window).load(parentId),
    count: () => counts.load(parentId),
  });
}
