import { formatPrismaCursor, parsePrismaCursor } from "@pothos/plugin-prisma";
import { badInput } from "../errors.ts";
import { MAX_PAGE_SIZE } from "./builder.ts";

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** A cursor for a row id, in the format plugin-prisma's connections issue and read. */
export function encodeIdCursor(id: number): string {
  return formatPrismaCursor({ id }, "id");
}

export function decodeIdCursor(cursor: string, argument: string): number {
  let id: unknown;
  try {
    id = parsePrismaCursor(cursor);
  } catch {
    id = undefined;
  }
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) {
    throw badInput(`"${argument}" is not a cursor this API issued`, { argument });
  }
  return id;
}

/**
 * Checks connection arguments before any SQL runs: page sizes within bounds (refused, not
 * silently clamped) and cursors that this API could have issued.
 */
export function assertPageArgs(args: PageArgs): void {
  for (const [name, value] of [["first", args.first], ["last", args.last]] as const) {
    if (value == null) continue;
    if (value < 0) throw badInput(`"${name}" must not be negative`, { argument: name });
    if (value > MAX_PAGE_SIZE) {
      throw badInput(`"${name}" must be at most ${MAX_PAGE_SIZE}, got ${value}`, {
        argument: name,
        maximum: MAX_PAGE_SIZE,
      });
    }
  }
  if (args.after != null) decodeIdCursor(args.after, "after");
  if (args.before != null) decodeIdCursor(args.before, "before");
}
