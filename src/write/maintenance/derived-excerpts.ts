import type { PrismaClient } from "../../generated/prisma/client.ts";
import { deriveExcerpt } from "../../domain/text.ts";

/**
 * Fills in the derived excerpt of articles saved before the column existed (the migration
 * that added it cannot run JavaScript). Returns how many articles it updated.
 */
export async function backfillDerivedExcerpts(prisma: PrismaClient): Promise<number> {
  const missing = await prisma.article.findMany({
    where: { derivedExcerpt: "", NOT: { bodyText: "" } },
    select: { id: true, bodyText: true },
  });
  if (missing.length === 0) return 0;
  await prisma.$transaction(
    missing.map(({ id, bodyText }) =>
      prisma.article.update({ where: { id }, data: { derivedExcerpt: deriveExcerpt(bodyText) } }),
    ),
  );
  return missing.length;
}
