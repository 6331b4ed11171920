import { absoluteUrl, uris } from "../../domain/uri.ts";
import { loadCategoryDirectory, type CategoryDirectory } from "../../read/category-directory.ts";
import type { Category } from "../../generated/prisma/client.ts";
import { XML_DECLARATION, xmlText } from "./xml.ts";
import {
  authorsWithArticles,
  lastArticleChange,
  publishedArticleDates,
  publishedCounts,
  publishedPageDates,
  tagsWithArticles,
  type Slice,
} from "../../read/published-content.ts";

/** The sitemaps protocol's limit of URLs in one file; past it /sitemap.xml becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface SitemapEntry {
  loc: string;
  lastmod: Date;
}

/** One run of the site's URLs, in its list's order: how many, and a read of some of them. */
interface Segment {
  size: number;
  entries(slice: Slice): Promise<SitemapEntry[]>;
}

/**
 * Every public URL of the site, in order: home, published articles (newest first), pages, the
 * categories, authors and tags with published articles. Sized from counts: four statements whatever the
 * site's size; nothing is listed until a slice is read.
 */
async function sitemapSegments(siteUrl: string, now: Date): Promise<Segment[]> {
  const [counts, directory] = await Promise.all([publishedCounts(now), loadCategoryDirectory(now)]);
  const categories = listedCategories(directory);
  return [
    { size: 1, entries: async ({ take }) => (take > 0 ? [{ loc: absoluteUrl(siteUrl, uris.home()), lastmod: await lastArticleChange(now) }] : []) },
    {
      size: counts.articles,
      entries: async (slice) => (await publishedArticleDates(now, slice)).map((a) => ({ loc: absoluteUrl(siteUrl, uris.article(a.slug)), lastmod: a.lastModified })),
    },
    {
      size: counts.pages,
      entries: async (slice) => (await publishedPageDates(now, slice)).map((p) => ({ loc: absoluteUrl(siteUrl, uris.page(p.slug)), lastmod: p.updatedAt })),
    },
    {
      size: categories.length,
      entries: async ({ skip, take }) =>
        categories.slice(skip, skip + take).map((category) => ({ loc: absoluteUrl(siteUrl, directory.uri(category)), lastmod: category.updatedAt })),
    },
    {
      size: counts.authors,
      entries: async (slice) => (await authorsWithArticles(now, slice)).map((a) => ({ loc: absoluteUrl(siteUrl, uris.author(a.slug)), lastmod: a.updatedAt })),
    },
    {
      size: counts.tags,
      entries: async (slice) => (await tagsWithArticles(now, slice)).map((tag) => ({ loc: absoluteUrl(siteUrl, uris.tag(tag.slug)), lastmod: tag.updatedAt })),
    },
  ];
}

/** URLs `from` to `from + count` of the list: each segment reads its own rows of them, and only those. */
async function sitemapSlice(segments: readonly Segment[], from: number, count: number): Promise<SitemapEntry[]> {
  let start = 0;
  const reads = segments.map((segment) => {
    const skip = Math.min(segment.size, Math.max(0, from - start));
    const take = Math.max(0, Math.min(segment.size, from + count - start) - skip);
    start += segment.size;
    return take > 0 ? segment.entries({ skip, take }) : Promise.resolve([]);
  });
  return (await Promise.all(reads)).flat();
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

/** The index of parts: their URLs only (a part's lastmod would mean reading its rows). */
export function sitemapIndexXml(parts: readonly string[]): string {
  const sitemaps = parts.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`);
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
 * that does not exist. The index and a missing part cost a few counts, and a part the rows it
 * lists, whatever the site's size.
 */
export async function sitemapDocument(siteUrl: string, now: Date, part: number | null, maxUrls = SITEMAP_MAX_URLS): Promise<string | null> {
  const segments = await sitemapSegments(siteUrl, now);
  const urlCount = segments.reduce((sum, segment) => sum + segment.size, 0);
  const partCount = Math.ceil(urlCount / maxUrls);
  if (part === null) {
    if (partCount <= 1) return urlsetXml(await sitemapSlice(segments, 0, urlCount));
    return sitemapIndexXml(Array.from({ length: partCount }, (_, index) => absoluteUrl(siteUrl, sitemapPartUri(index + 1))));
  }
  if (!sitemapPartExists(part, urlCount, maxUrls)) return null;
  return urlsetXml(await sitemapSlice(segments, (part - 1) * maxUrls, maxUrls));
}
