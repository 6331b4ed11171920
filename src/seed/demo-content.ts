import type { PrismaClient } from "../generated/prisma/client.ts";
import { prepareArticleBody } from "../domain/article-body.ts";
import { searchTextOf } from "../domain/search-text.ts";
import { sanitizeBodyHtml } from "../domain/html.ts";
import { seedDemoTrust } from "./demo-trust.ts";
import {
  demoArticles,
  demoAuthors,
  demoCategories,
  demoFeatured,
  demoMenus,
  demoPages,
  demoSite,
  type DemoMenuItem,
} from "../../prisma/demo/content.ts";

/** Loads the demo site. Safe to run again: every row is matched by its slug, location or slot. */
export async function seedDemoContent(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.siteSettings.upsert({
        where: { id: 1 },
        create: { id: 1, title: demoSite.title, tagline: demoSite.tagline, copyright: demoSite.copyright },
        update: { title: demoSite.title, tagline: demoSite.tagline, copyright: demoSite.copyright },
      });
      await tx.socialLink.deleteMany();
      await tx.socialLink.createMany({ data: demoSite.socialLinks.map((link, position) => ({ ...link, position })) });

      const authorIds = new Map<string, number>();
      for (const { slug, bio, ...author } of demoAuthors) {
        const data = { ...author, bio: bio == null ? null : sanitizeBodyHtml(bio) };
        const row = await tx.author.upsert({ where: { slug }, create: { slug, ...data }, update: data });
        authorIds.set(slug, row.id);
      }

      const categoryIds = new Map<string, number>();
      for (const { slug, name, description } of demoCategories) {
        const row = await tx.category.upsert({ where: { slug }, create: { slug, name, description }, update: { name, description } });
        categoryIds.set(slug, row.id);
      }
      for (const { slug, parentSlug } of demoCategories) {
        const parentId = parentSlug == null ? null : required(categoryIds, parentSlug, "category");
        await tx.category.update({ where: { slug }, data: { parentId } });
      }

      const pageIds = new Map<string, number>();
      for (const { slug, title, bodyHtml } of demoPages) {
        const data = { title, body: sanitizeBodyHtml(bodyHtml), status: "PUBLISHED" };
        const row = await tx.page.upsert({ where: { slug }, create: { slug, ...data }, update: data });
        pageIds.set(slug, row.id);
      }

      const articleIds = new Map<string, number>();
      for (const article of demoArticles) {
        const prepared = prepareArticleBody(article.bodyHtml);
        const data = {
          title: article.title,
          excerpt: article.excerpt,
          ...prepared,
          searchText: searchTextOf(article.title, prepared.bodyText),
          status: article.status,
          publishedAt: article.publishedAt == null ? null : new Date(article.publishedAt),
          authorId: required(authorIds, article.authorSlug, "author"),
          featuredImageUrl: article.featuredImageUrl,
          videoUrl: article.videoUrl,
        };
        const row = await tx.article.upsert({ where: { slug: article.slug }, create: { slug: article.slug, ...data }, update: data });
        articleIds.set(article.slug, row.id);
        await tx.articleCategory.deleteMany({ where: { articleId: row.id } });
        await tx.articleCategory.createMany({
          data: article.categorySlugs.map((slug, position) => ({
            articleId: row.id,
            categoryId: required(categoryIds, slug, "category"),
            position,
          })),
        });
      }

      const slots = [...new Set(demoFeatured.map((item) => item.slot))];
      await tx.featuredItem.deleteMany({ where: { slot: { in: slots } } });
      await tx.featuredItem.createMany({
        data: demoFeatured.map((item) => ({
          slot: item.slot,
          position: item.position,
          articleId: required(articleIds, item.articleSlug, "article"),
          title: item.title,
          excerpt: item.excerpt,
        })),
      });

      for (const menu of demoMenus) {
        const row = await tx.menu.upsert({
          where: { location: menu.location },
          create: { location: menu.location, name: menu.name },
          update: { name: menu.name },
        });
        await tx.menuItem.deleteMany({ where: { menuId: row.id } });
        const createItems = async (items: DemoMenuItem[], parentId: number | null) => {
          for (const [position, item] of items.entries()) {
            const { target } = item;
            const created = await tx.menuItem.create({
              data: {
                menuId: row.id,
                parentId,
                position,
                label: item.label,
                url: "url" in target ? target.url : null,
                categoryId: "category" in target ? required(categoryIds, target.category, "category") : null,
                articleId: "article" in target ? required(articleIds, target.article, "article") : null,
                pageId: "page" in target ? required(pageIds, target.page, "page") : null,
              },
            });
            await createItems(item.children ?? [], created.id);
          }
        };
        await createItems(menu.items, null);
      }

      await seedDemoTrust(tx, authorIds, articleIds);
    },
    { timeout: 60_000 },
  );
}

function required(ids: Map<string, number>, slug: string, kind: string): number {
  const id = ids.get(slug);
  if (id == null) throw new Error(`Demo content refers to unknown ${kind} "${slug}"`);
  return id;
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [settings, articles] = await Promise.all([prisma.siteSettings.count(), prisma.article.count()]);
  return settings === 0 && articles === 0;
}
