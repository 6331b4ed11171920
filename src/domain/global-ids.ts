import { decodeGlobalID } from "@pothos/plugin-relay";
import { badInput } from "./errors.ts";

export type EditableType = "Article" | "Author" | "Category" | "Page";

/** The numeric key of a Relay global id that must name a `typename`; BAD_USER_INPUT naming the field otherwise. */
export function decodeNodeId(globalId: string, typename: EditableType, field: string): number {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    // reported below
  }
  const id = Number(decoded?.id);
  if (decoded?.typename !== typename || !/^\d{1,15}$/.test(decoded.id) || !Number.isSafeInteger(id)) {
    throw badInput(`"${field}" must be the id of ${/^[AEIOU]/.test(typename) ? "an" : "a"} ${typename}`, { field });
  }
  return id;
}
