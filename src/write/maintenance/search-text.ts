import type { PrismaClient } from "../../generated/prisma/client.ts";
import { searchTextOf } from "../../domain/search-text.ts";

/**
 * Fills in the search text of articles saved before the column existed, or written by hand
 * without it (a migration cannot run JavaScript). Returns how many articles it updated.
 */
export async function backfillSearchText(prisma: PrismaClient): Promise<number> {
  const missing = await prisma.article.findMany({ where: { searchText: "" }, select: { id: true, title: true, bodyText: true } });
  if (missing.length === 0) return 0;
  await prisma.$transaction(
    missing.map(({ id, title, bodyText }) => prisma.article.update({ where: { id }, data: { searchText: searchTextOf(title, bodyText) } })),
  );
  return missing.length;
}
