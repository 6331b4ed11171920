/**
 * What decides the answers under each cache key, as far as one change can tell: read before the
 * change and after, a key is evicted when its value differs or it is in only one of the two. A
 * list key's value is what orders the row in it (absent when the row is not in it), so an edit
 * that neither moves a row into, out of, nor within a list leaves the list cached.
 */
export type KeyState = Map<string, string>;

let changes = 0;

/** A value equal to no other: the key is evicted whenever a state holds it. */
export const everyTime = (): string => `change ${++changes}`;

/** The keys whose answers differ between `before` and `after`. */
export function changedKeys(before: KeyState, after: KeyState): string[] {
  const keys = new Set<string>();
  for (const [key, value] of before) if (after.get(key) !== value) keys.add(key);
  for (const key of after.keys()) if (!before.has(key)) keys.add(key);
  return [...keys];
}
