import type { Position, Window } from "./pagination.ts";

/** Orders positions in a list: negative when `a` comes first. */
export type PositionOrder<Key> = (a: Position<Key>, b: Position<Key>) => number;

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A window of an in-memory list already sorted by `order`, read like a keyset query. */
export function windowOfList<Row, Key>(
  rows: readonly Row[],
  order: PositionOrder<Key>,
  positionOf: (row: Row) => Position<Key>,
  window: Window<Key>,
): Row[] {
  const inside = rows.filter((row) => {
    const position = positionOf(row);
    return (!window.after || order(position, window.after) > 0) && (!window.before || order(position, window.before) < 0);
  });
  return window.fromEnd ? inside.slice(-window.limit).reverse() : inside.slice(0, window.limit);
}
