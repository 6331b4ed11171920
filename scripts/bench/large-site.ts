import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { prepareArticleBody } from "../../src/domain/article-body.ts";
import { searchTextOf } from "../../src/domain/search-text.ts";

const BATCH = 2000;

/**
 * Adds `count` published articles, a minute apart going back from now, spread over every
 * category (one each, so the 22 categories hold about count / 22) and every author.
 */
export async function generateArticles(prisma: PrismaClient, count: number): Promise<void> {
  const categories = await prisma.category.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const authors = await prisma.author.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const body = prepareArticleBody(`<p>${"Generated words about anxiety, sleep and breathing. ".repeat(20)}</p>`);
  const start = Date.now() - 60_000;
  for (let from = 0; from < count; from += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => from + i);
    await prisma.$transaction(async (tx) => {
      await tx.article.createMany({
        data: numbers.map((n) => ({
          slug: `generated-${n}`,
          title: `Generated article ${n}`,
          ...body,
          searchText: searchTextOf(`Generated article ${n}`, body.bodyText),
          status: "PUBLISHED",
          publishedAt: new Date(start - n * 60_000),
          authorId: authors[n % authors.length]!.id,
        })),
      });
      const created = await tx.article.findMany({ where: { slug: { in: numbers.map((n) => `generated-${n}`) } }, select: { id: true, slug: true } });
      await tx.articleCategory.createMany({
        data: created.map(({ id, slug }) => ({ articleId: id, categoryId: categories[Number(slug.slice(10)) % categories.length]!.id, position: 0 })),
      });
    }, { timeout: 120_000, maxWait: 120_000 });
    process.stderr.write(`generated ${Math.min(from + BATCH, count)} of ${count} articles\r`);
  }
  process.stderr.write("\n");
}
