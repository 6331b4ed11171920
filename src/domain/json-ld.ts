import type { ArticleCitation, ArticleCorrection, AuthorCredential, AuthorProfile } from "../generated/prisma/client.ts";
import { doiUrl, pubmedUrl } from "./scholarly-ids.ts";
import { parseSameAs } from "./credentials.ts";

type JsonObject = { [key: string]: unknown };

export interface JsonLdPerson {
  name: string;
  url: string;
  isOrganization: boolean;
  profile: AuthorProfile | null;
  credentials: readonly AuthorCredential[];
}

export interface ArticleJsonLdInput {
  url: string;
  title: string;
  description: string;
  imageUrl: string | null;
  publishedAt: Date | null;
  modifiedAt: Date;
  authors: readonly JsonLdPerson[];
  reviewers: readonly JsonLdPerson[];
  reviewedAt: Date | null;
  citations: readonly ArticleCitation[];
  corrections: readonly ArticleCorrection[];
  breadcrumbs: readonly { name: string; url: string }[];
  /** The article's tags, in their order: schema.org `keywords`. */
  keywords?: readonly string[];
  publisher: { name: string; url: string; editorialPolicyUrl: string | null };
}

/** One value, or the list when there are several (JSON-LD reads both as the same property). */
function oneOrMany<T>(values: readonly T[]): T | T[] | undefined {
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : [...values];
}

/** Drops undefined and null members, so absent data leaves no empty properties behind. */
function compact(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null));
}

const date = (value: Date) => value.toISOString().slice(0, 10);

function credential(c: AuthorCredential): JsonObject {
  return compact({
    "@type": "EducationalOccupationalCredential",
    name: c.name,
    alternateName: c.category,
    credentialCategory: c.kind.toLowerCase(),
    recognizedBy: c.issuer ? { "@type": "Organization", name: c.issuer } : undefined,
    validIn: c.region ? { "@type": "AdministrativeArea", name: c.region } : undefined,
  });
}

function person(p: JsonLdPerson): JsonObject {
  if (p.isOrganization) return { "@type": "Organization", "@id": p.url, name: p.name, url: p.url };
  const sameAs = parseSameAs(p.profile?.sameAs);
  return compact({
    "@type": "Person",
    "@id": p.url,
    name: p.name,
    url: p.url,
    jobTitle: p.profile?.jobTitle ?? undefined,
    sameAs: oneOrMany(sameAs),
    hasCredential: oneOrMany(p.credentials.map(credential)),
  });
}

function citation(c: ArticleCitation): JsonObject {
  const identifiers = [
    c.doi ? { "@type": "PropertyValue", propertyID: "DOI", value: c.doi } : null,
    c.pmid ? { "@type": "PropertyValue", propertyID: "PMID", value: c.pmid } : null,
  ].filter((id) => id !== null);
  const links = [c.doi ? doiUrl(c.doi) : null, c.pmid ? pubmedUrl(c.pmid) : null].filter((link) => link !== null);
  return compact({
    "@type": "ScholarlyArticle",
    headline: c.title,
    name: c.title,
    author: oneOrMany(
      c.authors
        .split(/,\s*/)
        .filter(Boolean)
        .map((name) => ({ "@type": "Person", name })),
    ),
    isPartOf: c.journal ? { "@type": "Periodical", name: c.journal } : undefined,
    copyrightYear: c.year ?? undefined,
    identifier: oneOrMany(identifiers),
    sameAs: oneOrMany(links),
    url: c.url ?? links[0],
  });
}

/**
 * The structured data of an article page: a MedicalWebPage whose main entity is the Article,
 * with its authors and their credentials, its medical reviewers and last review date, its
 * citations, corrections, publisher and breadcrumb trail (schema.org, as search engines read it).
 */
export function articleJsonLd(input: ArticleJsonLdInput): JsonObject {
  const publisher = compact({
    "@type": "Organization",
    "@id": `${input.publisher.url}/#organization`,
    name: input.publisher.name,
    url: `${input.publisher.url}/`,
    publishingPrinciples: input.publisher.editorialPolicyUrl ?? undefined,
  });
  const authors = input.authors.map(person);
  const dates = compact({
    datePublished: input.publishedAt?.toISOString(),
    dateModified: input.modifiedAt.toISOString(),
  });
  return compact({
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    "@id": input.url,
    url: input.url,
    name: input.title,
    description: input.description,
    ...dates,
    lastReviewed: input.reviewedAt ? date(input.reviewedAt) : undefined,
    reviewedBy: oneOrMany(input.reviewers.map(person)),
    publisher,
    breadcrumb: {
      "@type": "BreadcrumbList",
      itemListElement: input.breadcrumbs.map((crumb, index) => ({
        "@type": "ListItem",
        position: index + 1,
        name: crumb.name,
        item: { "@type": "WebPage", "@id": crumb.url, url: crumb.url, name: crumb.name },
      })),
    },
    mainEntity: compact({
      "@type": "Article",
      headline: input.title,
      description: input.description,
      url: input.url,
      image: input.imageUrl ?? undefined,
      keywords: input.keywords?.length ? input.keywords.join(", ") : undefined,
      ...dates,
      author: oneOrMany(authors),
      publisher,
      citation: oneOrMany(input.citations.map(citation)),
      correction: oneOrMany(
        input.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: c.at.toISOString() })),
      ),
    }),
  });
}
