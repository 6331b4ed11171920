import { badInput } from "../errors.ts";
import { MAX_PAGE_SIZE } from "./builder.ts";

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

// Cursors are plugin-prisma's format for a numeric id: base64 of "GPC:N:<id>".
const CURSOR_PATTERN = /^GPC:N:(\d{1,15})$/;

export function encodeIdCursor(id: number): string {
  return Buffer.from(`GPC:N:${id}`).toString("base64");
}

export function decodeIdCursor(cursor: string, argument: string): number {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match || encodeIdCursor(Number(match[1])) !== cursor) {
    throw badInput(`"${argument}" is not a cursor this API issued`, { argument });
  }
  return Number(match[1]);
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
