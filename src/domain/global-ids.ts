import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { badInput } from "./errors.ts";

export type EditableType = "Article" | "Author" | "Category" | "Page";

/** The type and numeric key a Relay global id names, or undefined for anything that is not one. */
export function globalIdParts(globalId: unknown): { typename: string; id: number } | undefined {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(String(globalId));
  } catch {
    return undefined;
  }
  const id = Number(decoded.id);
  return /^\d{1,15}$/.test(decoded.id) && Number.isSafeInteger(id) ? { typename: decoded.typename, id } : undefined;
}

/** The numeric key of a Relay global id that must name a `typename`; BAD_USER_INPUT naming the field otherwise. */
export function decodeNodeId(globalId: string, typename: EditableType, field: string): number {
  const parts = globalIdParts(globalId);
  if (parts?.typename !== typename) {
    throw badInput(`"${field}" must be the id of ${/^[AEIOU]/.test(typename) ? "an" : "a"} ${typename}`, { field });
  }
  return parts.id;
}

/** The Relay global id of a row of `typename` (the form revisions store ids in). */
export function encodeNodeId(typename: EditableType, id: number): string {
  return encodeGlobalID(typename, id);
}
