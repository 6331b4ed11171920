import { db } from "../../db/client.ts";
import { absoluteUrl, uris } from "../../domain/uri.ts";
import { loadSite } from "../../read/site.ts";
import { visibleArticleWhere } from "../../domain/visibility.ts";
import { publicModifiedAt } from "../../domain/revisions.ts";
import { XML_DECLARATION, xmlText } from "./xml.ts";
import { latest, publicScope } from "../../read/published-content.ts";

/** Entries in /feed.xml: the newest published articles. */
export const FEED_SIZE = 20;

const ATOM = "http://www.w3.org/2005/Atom";

function person(siteUrl: string, author: { name: string; slug: string }): string {
  return `<author><name>${xmlText(author.name)}</name><uri>${xmlText(absoluteUrl(siteUrl, uris.author(author.slug)))}</uri></author>`;
}

/**
 * The Atom feed (RFC 4287) of the newest published articles, each with its byline, categories
 * and excerpt, and its whole body when the site's feedContent setting is FULL.
 */
export async function atomFeed(siteUrl: string, now: Date): Promise<string> {
  const { settings: site, editorial } = await loadSite();
  const full = editorial.feedContent === "FULL";
  const articles = await db().article.findMany({
    where: visibleArticleWhere(publicScope(now)),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: {
      slug: true,
      title: true,
      excerpt: true,
      derivedExcerpt: true,
      body: full,
      publishedAt: true,
      modifiedAt: true,
      author: { select: { name: true, slug: true } },
      contributors: { where: { role: "AUTHOR" }, orderBy: { position: "asc" }, select: { author: { select: { name: true, slug: true } } } },
      categories: { orderBy: { position: "asc" }, select: { category: { select: { slug: true, name: true } } } },
      trust: { select: { reviewedAt: true } },
    },
  });
  const title = site.title;
  const updatedOf = (a: (typeof articles)[number]) => latest(publicModifiedAt(a), a.trust?.reviewedAt);

  const entries = articles.map((a) => {
    const url = absoluteUrl(siteUrl, uris.article(a.slug));
    const body = full ? a.body : undefined;
    return [
      "<entry>",
      `<id>${xmlText(url)}</id>`,
      `<title type="text">${xmlText(a.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `<published>${a.publishedAt!.toISOString()}</published>`,
      `<updated>${updatedOf(a).toISOString()}</updated>`,
      person(siteUrl, a.author),
      ...a.contributors.map((c) => person(siteUrl, c.author)),
      ...a.categories.map((c) => `<category term="${xmlText(c.category.slug)}" label="${xmlText(c.category.name)}"/>`),
      `<summary type="text">${xmlText(a.excerpt ?? a.derivedExcerpt)}</summary>`,
      ...(body === undefined ? [] : [`<content type="html">${xmlText(body)}</content>`]),
      "</entry>",
    ].join("");
  });
  return [
    XML_DECLARATION,
    `<feed xmlns="${ATOM}">`,
    `<id>${xmlText(absoluteUrl(siteUrl, uris.home()))}</id>`,
    `<title type="text">${xmlText(title)}</title>`,
    ...(site?.tagline ? [`<subtitle type="text">${xmlText(site.tagline)}</subtitle>`] : []),
    `<updated>${latest(...articles.map(updatedOf)).toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(absoluteUrl(siteUrl, "/feed.xml"))}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(absoluteUrl(siteUrl, uris.home()))}"/>`,
    `<author><name>${xmlText(title)}</name></author>`,
    ...(site?.copyright ? [`<rights type="text">${xmlText(site.copyright)}</rights>`] : []),
    `<generator>Lantern</generator>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
