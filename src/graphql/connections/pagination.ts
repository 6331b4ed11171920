import { badInput } from "../../domain/errors.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connection-size.ts";

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** A row's place in an ordered list: its sort key and its id (which breaks ties). */
export interface Position<Key> {
  key: Key;
  id: number;
}

/** Which rows to read: those strictly between the cursors, `limit` of them, from one end. */
export interface Window<Key> {
  after?: Position<Key>;
  before?: Position<Key>;
  limit: number;
  /** Read from the `before` end (the rows come back last first). */
  fromEnd: boolean;
}

/** How one ordering of a list names positions in cursors. */
export interface CursorOrder<Row, Key> {
  /** Written into every cursor, so a cursor of one ordering is refused by another. */
  name: string;
  positionOf: (row: Row) => Position<Key>;
  /** The key as a cursor carries it, or undefined when it is not a key of this ordering. */
  parseKey: (raw: unknown) => Key | undefined;
  formatKey?: (key: Key) => unknown;
}

export interface Connection<Row> {
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** A page size within bounds (refused, not silently clamped), checked before any SQL runs. */
export function checkPageSize(value: number | null | undefined, argument: string): void {
  if (value == null) return;
  if (value < 0) throw badInput(`"${argument}" must not be negative`, { argument });
  if (value > MAX_PAGE_SIZE) {
    throw badInput(`"${argument}" must be at most ${MAX_PAGE_SIZE}, got ${value}`, { argument, maximum: MAX_PAGE_SIZE });
  }
}

export function encodeCursor<Row, Key>(order: CursorOrder<Row, Key>, row: Row): string {
  const { key, id } = order.positionOf(row);
  const payload = [order.name, order.formatKey ? order.formatKey(key) : key, id];
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

const MAX_CURSOR_LENGTH = 2048;

/**
 * Reads a cursor this API issued for `order`. A cursor holds a position, never a reference to
 * a row that is looked up: a page after it reads only rows the caller may see, so a cursor made
 * up for a hidden row answers exactly as one made up for a row that does not exist.
 */
export function decodeCursor<Row, Key>(cursor: string, argument: string, order: CursorOrder<Row, Key>): Position<Key> {
  const refuse = () => badInput(`"${argument}" is not a cursor this connection issued`, { argument });
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(payload) || payload.length !== 3 || payload[0] !== order.name) throw refuse();
  const [, rawKey, id] = payload as [unknown, unknown, unknown];
  const key = order.parseKey(rawKey);
  if (key === undefined || typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) throw refuse();
  return { key, id };
}

/**
 * Resolves a Relay connection by the specification's algorithm: the rows after `after` and
 * before `before`, then the first `first` of them, then the last `last` of those. `fetch` reads
 * one window of at most `limit` rows, so a page costs the same wherever its cursor points.
 */
export async function resolveConnection<Row, Key>(
  args: PageArgs,
  order: CursorOrder<Row, Key>,
  fetch: (window: Window<Key>) => Promise<Row[]>,
): Promise<Connection<Row>> {
  checkPageSize(args.first, "first");
  checkPageSize(args.last, "last");
  const after = args.after == null ? undefined : decodeCursor(args.after, "after", order);
  const before = args.before == null ? undefined : decodeCursor(args.before, "before", order);
  const { first, last } = args;

  let rows: Row[];
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (first == null && last != null) {
    const read = await fetch({ after, before, limit: last + 1, fromEnd: true });
    hasPreviousPage = read.length > last;
    rows = read.slice(0, last).reverse();
  } else {
    const size = first ?? DEFAULT_PAGE_SIZE;
    const read = await fetch({ after, before, limit: size + 1, fromEnd: false });
    hasNextPage = read.length > size;
    rows = read.slice(0, size);
    if (last != null && rows.length > last) {
      hasPreviousPage = true;
      rows = rows.slice(rows.length - last);
    }
  }

  const edges = rows.map((node) => ({ cursor: encodeCursor(order, node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
