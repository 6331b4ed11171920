import DataLoader from "dataloader";
import type { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db.ts";
import { visibleArticleWhere } from "../visibility.ts";
import type { Viewer } from "../viewer.ts";

// What menus and featured slots read; other Article fields load through the schema when asked for.
const SUMMARY = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  derivedExcerpt: true,
  status: true,
  publishedAt: true,
} satisfies Prisma.ArticleSelect;

export type ArticleSummary = Prisma.ArticleGetPayload<{ select: typeof SUMMARY }>;

/** Articles the viewer may see, by id; invisible or missing ones load as null. */
export function articleByIdLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<number, ArticleSummary | null>(async (ids) => {
    const rows = await db().article.findMany({ select: SUMMARY, where: { id: { in: [...ids] }, ...visibleArticleWhere(scope) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
