import { absoluteUrl, uris } from "../../domain/uri.ts";
import { loadCategoryDirectory, type CategoryDirectory } from "../../read/category-directory.ts";
import type { Category } from "../../generated/prisma/client.ts";
import { XML_DECLARATION, xmlText } from "./xml.ts";
import { authorsWithArticles, latest, publicScope, publishedArticleDates, publishedPageDates } from "../../read/published-content.ts";
import { db } from "../../db/client.ts";
import { visibleArticleWhere, visiblePageWhere } from "../../domain/visibility.ts";

/** The sitemaps protocol's limit of URLs in one file; past it /sitemap.xml becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface SitemapEntry {
  loc: string;
  lastmod: Date;
}

/** Every public URL of the site: home, published articles, pages, and categories and authors with published articles. */
export async function sitemapEntries(siteUrl: string, now: Date): Promise<SitemapEntry[]> {
  const [articles, pages, authors, directory] = await Promise.all([
    publishedArticleDates(now),
    publishedPageDates(now),
    authorsWithArticles(now),
    loadCategoryDirectory(now),
  ]);
  const articleEntries = articles.map((a) => ({ loc: absoluteUrl(siteUrl, uris.article(a.slug)), lastmod: a.lastModified }));
  return [
    { loc: absoluteUrl(siteUrl, uris.home()), lastmod: latest(...articleEntries.map((entry) => entry.lastmod)) },
    ...articleEntries,
    ...pages.map((p) => ({ loc: absoluteUrl(siteUrl, uris.page(p.slug)), lastmod: p.updatedAt })),
    ...listedCategories(directory).map((category) => ({
      loc: absoluteUrl(siteUrl, directory.uri(category)),
      lastmod: category.updatedAt,
    })),
    ...authors.map((a) => ({ loc: absoluteUrl(siteUrl, uris.author(a.slug)), lastmod: a.updatedAt })),
  ];
}

/**
 * How many URLs `sitemapEntries` lists, from counts: a few statements whatever the site's size,
 * so a request for a part that does not exist is answered without listing the site.
 */
export async function sitemapUrlCount(now: Date): Promise<number> {
  const articles = visibleArticleWhere(publicScope(now));
  const [articleCount, pageCount, authorCount, directory] = await Promise.all([
    db().article.count({ where: articles }),
    db().page.count({ where: visiblePageWhere(publicScope(now)) }),
    db().author.count({ where: { articles: { some: articles } } }),
    loadCategoryDirectory(now),
  ]);
  return 1 + articleCount + pageCount + listedCategories(directory).length + authorCount;
}

/** Categories with published articles, and their ancestors. */
function listedCategories(directory: CategoryDirectory): Category[] {
  const withArticles = directory.all.filter((category) => (directory.articleCounts.get(category.id) ?? 0) > 0);
  return categoriesAndAncestors(withArticles, directory);
}

/** A category's archive includes its sub-categories' articles, so its ancestors have pages too. */
function categoriesAndAncestors(withArticles: readonly { id: number }[], directory: CategoryDirectory): Category[] {
  const listed = new Map<number, Category>();
  for (const { id } of withArticles) {
    const category = directory.byId.get(id);
    if (!category) continue;
    for (const each of [...directory.ancestors(category), category]) listed.set(each.id, each);
  }
  return [...listed.values()].sort((a, b) => a.id - b.id);
}

export function urlsetXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `<url><loc>${xmlText(e.loc)}</loc><lastmod>${e.lastmod.toISOString()}</lastmod></url>`);
  return `${XML_DECLARATION}\n<urlset xmlns="${NAMESPACE}">\n${urls.join("\n")}\n</urlset>\n`;
}

export function sitemapIndexXml(parts: readonly SitemapEntry[]): string {
  const sitemaps = parts.map((p) => `<sitemap><loc>${xmlText(p.loc)}</loc><lastmod>${p.lastmod.toISOString()}</lastmod></sitemap>`);
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${NAMESPACE}">\n${sitemaps.join("\n")}\n</sitemapindex>\n`;
}

/** Whether /sitemap-<part>.xml exists on a site of `urlCount` URLs (parts exist only past `maxUrls`). */
export function sitemapPartExists(part: number, urlCount: number, maxUrls = SITEMAP_MAX_URLS): boolean {
  const partCount = Math.ceil(urlCount / maxUrls);
  return partCount > 1 && part >= 1 && part <= partCount;
}

/** The URL of the n-th (1-based) sitemap of an index. */
export const sitemapPartUri = (n: number) => `/sitemap-${n}.xml`;

/**
 * /sitemap.xml is the urlset while the site has at most `maxUrls` URLs; past that it is an
 * index of /sitemap-1.xml, /sitemap-2.xml, … of `maxUrls` URLs each. Returns null for a part
 * that does not exist.
 */
export function sitemapDocument(siteUrl: string, entries: readonly SitemapEntry[], part: number | null, maxUrls = SITEMAP_MAX_URLS): string | null {
  const partCount = Math.ceil(entries.length / maxUrls);
  if (part === null) {
    if (partCount <= 1) return urlsetXml(entries);
    return sitemapIndexXml(
      Array.from({ length: partCount }, (_, index) => {
        const chunk = entries.slice(index * maxUrls, (index + 1) * maxUrls);
        return { loc: absoluteUrl(siteUrl, sitemapPartUri(index + 1)), lastmod: latest(...chunk.map((entry) => entry.lastmod)) };
      }),
    );
  }
  if (partCount <= 1 || part < 1 || part > partCount) return null;
  return urlsetXml(entries.slice((part - 1) * maxUrls, part * maxUrls));
}
