import DataLoader from "dataloader";
import type { Page } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import { visiblePageWhere } from "../visibility.ts";
import type { Viewer } from "../viewer.ts";

/** Pages the viewer may see, by id; invisible or missing ones load as null. */
export function pageByIdLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<number, Page | null>(async (ids) => {
    const rows = await db().page.findMany({ where: { id: { in: [...ids] }, ...visiblePageWhere(scope) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
