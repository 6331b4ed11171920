import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { selectedFieldNames } from "@pothos/selection-mapper";
import type { Prisma } from "../../generated/prisma/client.ts";
import { db } from "../../db/client.ts";
import type { Context } from "../context.ts";
import { visibleArticleWhere } from "../../domain/visibility.ts";
import { isEditor } from "../../domain/viewer.ts";
import { resolveConnection, type Connection, type PageArgs, type Window } from "./pagination.ts";
import { articleOrdering, type ArticleOrder, type ArticleOrdering, type SortableArticle } from "../types/article-order.ts";
import { keysetOrderBy, keysetWhere } from "./keyset.ts";

export interface CountedConnection<Row> extends Connection<Row> {
  /** Counted only when a query selects `totalCount`. */
  totalCount: () => Promise<number>;
}

type ArticleRow = SortableArticle & Record<string, unknown>;

type Selection = NonNullable<Parameters<typeof queryFromInfo>[0]["select"]>;

const NODE_PATHS = [[{ name: "edges" }, { name: "node" }], [{ name: "nodes" }]];

/**
 * The columns and relations a connection's nodes ask for, plus what their cursors need (a type
 * in include mode reads every column anyway).
 */
export function nodeSelection(ctx: Context, info: GraphQLResolveInfo, typeName: string, cursorColumns: Selection): object {
  return queryFromInfo({ context: ctx, info, typeName, paths: NODE_PATHS, select: cursorColumns });
}

/** Whether the query asks for anything but `totalCount`, so the page's rows must be read. */
export function selectsPage(ctx: Context, info: GraphQLResolveInfo): boolean {
  return [...selectedFieldNames(ctx, info)].some((name) => name !== "totalCount" && name !== "__typename");
}

/** The read of one window of an ordered article list: a keyset query an index serves. */
export function articleWindowQuery(
  selection: object,
  where: Prisma.ArticleWhereInput,
  ordering: ArticleOrdering,
  window: Window<unknown>,
  { limited = true } = {},
) {
  return {
    ...selection,
    where: { AND: [where, ...keysetWhere(ordering.sort, window)] } as Prisma.ArticleWhereInput,
    orderBy: keysetOrderBy(ordering.sort, window.fromEnd) as Prisma.ArticleOrderByWithRelationInput[],
    ...(limited ? { take: window.limit } : {}),
  };
}

/** A page of `articles(where:, orderBy:)`: one statement for the rows, one for the count if asked. */
export async function articleConnection(
  args: PageArgs & { orderBy?: ArticleOrder | null },
  where: Prisma.ArticleWhereInput,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<CountedConnection<ArticleRow>> {
  const ordering = articleOrdering(args.orderBy, isEditor(ctx.viewer));
  const query = nodeSelection(ctx, info, "Article", ordering.select);
  const readPage = selectsPage(ctx, info);
  const connection = await resolveConnection<ArticleRow, unknown>(args, ordering.cursor as never, async (window) =>
    readPage
      ? ((await db().article.findMany(articleWindowQuery(query, where, ordering, window))) as ArticleRow[])
      : [],
  );
  return { ...connection, totalCount: () => db().article.count({ where }) };
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
  const readPage = selectsPage(ctx, info);

  const pages = (window: Window<unknown>) =>
    perField(ctx, info, "pages", () =>
      new DataLoader<number, ArticleRow[]>(async (parentIds) => {
        const query = nodeSelection(ctx, info, "Article", { ...ordering.select, ...parent.select });
        // Every parent's rows in one read, cut to `limit` per parent below.
        const where = { AND: [visible, parent.where(parentIds)] };
        const rows = (await db().article.findMany(articleWindowQuery(query, where, ordering, window, { limited: false }))) as ArticleRow[];
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
      const byParent = isEditor(ctx.viewer) ? await parent.allCounts(parentIds) : await parent.publishedCounts(parentIds, ctx);
      return parentIds.map((id) => byParent.get(id) ?? 0);
    }),
  );

  return resolveConnection<ArticleRow, unknown>(args, ordering.cursor as never, (window) =>
    readPage ? pages(window).load(parentId) : Promise.resolve([]),
  ).then((connection) => ({ ...connection, totalCount: () => counts.load(parentId) }));
}
