import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { selectedFieldNames } from "@pothos/selection-mapper";
import type { Context } from "../context.ts";
import { resolveConnection, type Connection, type CursorOrder, type PageArgs, type Window } from "./pagination.ts";
import { keysetOrderBy, keysetWhere, type KeysetSort } from "./keyset.ts";

/**
 * The one way a connection is answered: the Relay algorithm (pagination.ts) over a list that
 * reads one window at a time, with `totalCount` counted only when selected. Lists in the
 * database read their windows as keyset queries (`keysetWindow`), so a page costs the same
 * wherever its cursor points.
 */

export interface CountedConnection<Row> extends Connection<Row> {
  /** Counted only when a query selects `totalCount`. */
  totalCount: () => Promise<number>;
}

/** A list a connection pages through. */
export interface PagedList<Row, Key> {
  cursor: CursorOrder<Row, Key>;
  /** At most `window.limit` rows strictly between the window's positions, in the window's order. */
  read: (window: Window<Key>) => Promise<Row[]>;
  /** Every row of the list, in all pages. */
  count: () => Promise<number>;
}

/** Columns and relations to read, in Prisma's `select` form. */
export type Selection = NonNullable<Parameters<typeof queryFromInfo>[0]["select"]>;

/** How a list in the database is ordered: in SQL, in its cursors, and the columns a cursor needs. */
export interface ListOrder<Row, Key> {
  sort: KeysetSort;
  cursor: CursorOrder<Row, Key>;
  select: Selection;
}

type Condition = Record<string, unknown>;

const NODE_PATHS = [[{ name: "edges" }, { name: "node" }], [{ name: "nodes" }]];

/**
 * The columns and relations a connection's nodes ask for, plus what their cursors need (a type
 * in include mode reads every column anyway).
 */
export function nodeSelection(ctx: Context, info: GraphQLResolveInfo, typeName: string, cursorColumns: Selection): object {
  return queryFromInfo({ context: ctx, info, typeName, paths: NODE_PATHS, select: cursorColumns });
}

/** Whether the query asks for anything but `totalCount`, so the page's rows must be read. */
function selectsPage(ctx: Context, info: GraphQLResolveInfo): boolean {
  return [...selectedFieldNames(ctx, info)].some((name) => name !== "totalCount" && name !== "__typename");
}

/**
 * The Prisma `where`, `orderBy` and `take` of one window of a list filtered by `where` in `sort`
 * order: a range from the cursor's position that an index serves, `limit` rows (all rows past
 * the position when not `limited`, for reads that cut per parent).
 */
export function keysetWindow<Where extends object>(where: Where, sort: KeysetSort, window: Window<unknown>, { limited = true } = {}) {
  return {
    where: { AND: [where, ...keysetWhere(sort, window)] as (Where | Condition)[] },
    orderBy: keysetOrderBy(sort, window.fromEnd),
    ...(limited ? { take: window.limit } : {}),
  };
}

/** A list of one model's rows matching `where`, read with the columns the query selects. */
export function modelList<Row, Key, Where extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  list: {
    /** The GraphQL type of the nodes. */
    typeName: string;
    order: ListOrder<Row, Key>;
    where: Where;
    findMany: (query: ReturnType<typeof keysetWindow<Where>>) => Promise<Row[]>;
    count: (where: Where) => Promise<number>;
  },
): PagedList<Row, Key> {
  const selection = nodeSelection(ctx, info, list.typeName, list.order.select);
  return {
    cursor: list.order.cursor,
    read: (window) => list.findMany({ ...selection, ...keysetWindow(list.where, list.order.sort, window) }),
    count: () => list.count(list.where),
  };
}

export async function keysetConnection<Row, Key>(
  args: PageArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
  list: PagedList<Row, Key>,
): Promise<CountedConnection<Row>> {
  const readPage = selectsPage(ctx, info);
  const page = await resolveConnection(args, list.cursor, async (window) => (readPage ? list.read(window) : []));
  return { ...page, totalCount: list.count };
}
