import { db } from "../../src/db/client.ts";

/**
 * Every row of every content table (article bodies left out: any write to an article changes
 * its updatedAt), to prove that a refused mutation wrote nothing.
 */
export async function contentSnapshot() {
  const prisma = db();
  const [articles, links, authors, categories, pages, featured, menus, menuItems, redirects, site, socialLinks] =
    await Promise.all([
      prisma.article.findMany({ orderBy: { id: "asc" }, omit: { body: true, bodyText: true } }),
      prisma.articleCategory.findMany({ orderBy: [{ articleId: "asc" }, { categoryId: "asc" }] }),
      prisma.author.findMany({ orderBy: { id: "asc" } }),
      prisma.category.findMany({ orderBy: { id: "asc" } }),
      prisma.page.findMany({ orderBy: { id: "asc" } }),
      prisma.featuredItem.findMany({ orderBy: { id: "asc" } }),
      prisma.menu.findMany({ orderBy: { id: "asc" } }),
      prisma.menuItem.findMany({ orderBy: { id: "asc" } }),
      prisma.redirect.findMany({ orderBy: { id: "asc" } }),
      prisma.siteSettings.findMany(),
      prisma.socialLink.findMany({ orderBy: { id: "asc" } }),
    ]);
  const [reviews, contributors, citations, corrections, profiles, credentials] = await Promise.all([
    prisma.articleTrust.findMany({ orderBy: { articleId: "asc" } }),
    prisma.articleContributor.findMany({ orderBy: [{ articleId: "asc" }, { role: "asc" }, { position: "asc" }] }),
    prisma.articleCitation.findMany({ orderBy: { id: "asc" } }),
    prisma.articleCorrection.findMany({ orderBy: { id: "asc" } }),
    prisma.authorProfile.findMany({ orderBy: { authorId: "asc" } }),
    prisma.authorCredential.findMany({ orderBy: { id: "asc" } }),
  ]);
  const trust = { reviews, contributors, citations, corrections, profiles, credentials };
  return { articles, links, authors, categories, pages, featured, menus, menuItems, redirects, site, socialLinks, trust };
}
