import DataLoader from "dataloader";
import { db } from "../db.ts";
import { visibleArticleWhere } from "../visibility.ts";
import type { Viewer } from "../viewer.ts";

// What menus and featured slots read; other Article fields load through the schema when asked for.
const SUMMARY = { id: true, slug: true, title: true, excerpt: true, derivedExcerpt: true, status: true, publishedAt: true } as const;

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string | null;
  derivedExcerpt: string;
  status: string;
  publishedAt: Date | null;
}

/** Articles the viewer may see, by id; invisible or missing ones load as null. */
export function articleByIdLoader(scope: { viewer: Viewer; now: Date }) {
  return new DataLoader<number, ArticleSummary | null>(async (ids) => {
    const rows = await db().article.findMany({ select: SUMMARY, where: { id: { in: [...ids] }, ...visibleArticleWhere(scope) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
