/**
 * Keyset pagination in Prisma's terms: a list ordered by one column and then by id, read from a
 * position onwards with a range condition an index serves (`column <= key AND (column < key OR
 * id < id0)`), never by skipping rows. Rows whose column is null (unpublished articles, which
 * only editors see) come last. Used through `keysetWindow` in keyset-connection.ts.
 */

export type SortDirection = "asc" | "desc";

export interface KeysetSort {
  column: string;
  direction: SortDirection;
  /** Whether the rows read may have a null in `column`. */
  nullable: boolean;
  /** The unique column that breaks ties and a position's `id` names; `id` unless given. */
  tieBreaker?: string;
}

export interface KeysetPosition {
  key: unknown;
  id: number;
}

type Where = Record<string, unknown>;
type OrderBy = Record<string, unknown>[];

const reverse = (direction: SortDirection): SortDirection => (direction === "asc" ? "desc" : "asc");

/** Rows strictly past `position` in the order (column `direction`, id `direction`), nulls first or last. */
function past(sort: KeysetSort, direction: SortDirection, nullsLast: boolean, position: KeysetPosition): Where {
  const { column, nullable, tieBreaker = "id" } = sort;
  const beyond = direction === "desc" ? "lt" : "gt";
  const beyondOrAt = direction === "desc" ? "lte" : "gte";
  if (position.key === null) {
    const sameKey = { [column]: null, [tieBreaker]: { [beyond]: position.id } };
    return nullsLast ? sameKey : { OR: [{ [column]: { not: null } }, sameKey] };
  }
  const keyed = {
    AND: [
      { [column]: { [beyondOrAt]: position.key } },
      { OR: [{ [column]: { [beyond]: position.key } }, { [tieBreaker]: { [beyond]: position.id } }] },
    ],
  };
  return nullable && nullsLast ? { OR: [keyed, { [column]: null }] } : keyed;
}

/** The conditions that keep a read between two positions (either may be absent). */
export function keysetWhere(sort: KeysetSort, window: { after?: KeysetPosition; before?: KeysetPosition }): Where[] {
  const conditions: Where[] = [];
  if (window.after) conditions.push(past(sort, sort.direction, true, window.after));
  if (window.before) conditions.push(past(sort, reverse(sort.direction), false, window.before));
  return conditions;
}

/** The order to read in: the list's own, or its reverse to read from the end. */
export function keysetOrderBy(sort: KeysetSort, fromEnd: boolean): OrderBy {
  const direction = fromEnd ? reverse(sort.direction) : sort.direction;
  const nulls = fromEnd ? "first" : "last";
  // Only an explicit null order when nulls can occur: it costs the index its use on SQLite.
  const byColumn = sort.nullable ? { [sort.column]: { sort: direction, nulls } } : { [sort.column]: direction };
  return [byColumn, { [sort.tieBreaker ?? "id"]: direction }];
}
