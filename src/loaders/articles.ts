import DataLoader from "dataloader";
import type { Article } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import { visibleArticleWhere } from "../visibility.ts";
import type { Viewer } from "../viewer.ts";

/** Articles the viewer may see, by id; invisible or missing ones load as null. */
export function articleByIdLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<number, Article | null>(async (ids) => {
    const rows = await db().article.findMany({ where: { id: { in: [...ids] }, ...visibleArticleWhere(scope) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
