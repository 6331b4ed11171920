import { describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { schemaOrgTypes, validateSchemaOrg } from "./support/schema-org.ts";
import GoogleRulesValidator from "@adobe/structured-data-validator";
import { tokenHeaders } from "./support/tokens.ts";
import { db } from "../src/db/client.ts";

/** Google's rich-result requirements (breadcrumbs, people, organizations), as Adobe's validator checks them. */
async function googleIssues(jsonLd: unknown) {
  const issues = await new GoogleRulesValidator().validate({ jsonld: { MedicalWebPage: [structuredClone(jsonLd)] } });
  return issues.map((issue) => `${issue.severity}: ${issue.issueMessage}`);
}

const QUERY = `{ article(slug: "the-therapeutic-relationship") { jsonLd } }`;

describe("Article.jsonLd of the seed article", async () => {
  const response = await graphql(QUERY);
  const jsonLd = response.body.data?.article?.jsonLd;

  it("is a MedicalWebPage with its Article, people, credentials, citations and breadcrumb", () => {
    expect(response.body.errors).toBeUndefined();
    expect(jsonLd["@context"]).toBe("https://schema.org");
    expect(jsonLd["@type"]).toBe("MedicalWebPage");
    expect(new Set(schemaOrgTypes(jsonLd))).toEqual(
      new Set([
        "MedicalWebPage", "Article", "Person", "Organization", "EducationalOccupationalCredential",
        "AdministrativeArea", "ScholarlyArticle", "Periodical", "PropertyValue", "CorrectionComment",
        "BreadcrumbList", "ListItem", "WebPage",
      ]),
    );
  });

  it("validates against the schema.org vocabulary", () => {
    expect(validateSchemaOrg(jsonLd)).toEqual([]);
  });

  it("meets Google's rich-result requirements", async () => {
    expect(await googleIssues(jsonLd)).toEqual([]);
    const broken = structuredClone(jsonLd);
    broken.mainEntity.author.name = "";
    delete broken.breadcrumb.itemListElement[0].name;
    delete broken.breadcrumb.itemListElement[0].item;
    expect((await googleIssues(broken)).filter((issue) => issue.startsWith("ERROR"))).toHaveLength(2);
  });

  it("names the reviewer, the review date, the author's credentials and the three citations", () => {
    expect(jsonLd.lastReviewed).toBe("2025-09-15");
    expect(jsonLd.reviewedBy).toMatchObject({ "@type": "Person", name: "Maya Okafor", jobTitle: "Psychiatrist" });
    const article = jsonLd.mainEntity;
    expect(article).toMatchObject({ "@type": "Article", headline: "The Therapeutic Relationship", datePublished: "2019-11-08T12:00:00.000Z" });
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(article.author).toMatchObject({ "@type": "Person", name: "Jonathan Spitz", jobTitle: "Clinical Psychologist" });
    const credentials = article.author.hasCredential;
    expect(credentials.map((c: { alternateName: string }) => c.alternateName)).toContain("PsyD");
    expect(credentials.flatMap((c: { validIn?: { name: string } }) => c.validIn?.name ?? [])).toEqual(["Illinois, US", "New York, US"]);
    expect(article.citation.map((c: { sameAs: string }) => c.sameAs)).toEqual([
      "https://doi.org/10.1037/pst0000172",
      "https://doi.org/10.1037/0022-006x.68.3.438",
      "https://doi.org/10.1002/wps.20238",
    ]);
    expect(article.publisher).toMatchObject({ "@type": "Organization", name: "Anxiety Relief Project" });
    expect(jsonLd.breadcrumb.itemListElement.map((item: { name: string; position: number }) => [item.position, item.name])).toEqual([
      [1, "Home"],
      [2, "Psychotherapy"],
      [3, "The Therapeutic Relationship"],
    ]);
    expect(jsonLd.url).toBe("http://localhost:4000/the-therapeutic-relationship/");
  });

  it("the validator catches what schema.org does not allow", () => {
    // A misspelt property, a property of another type, a relative URL and a date in the wrong form.
    const broken = structuredClone(jsonLd);
    broken.mainEntity.author.jobtitle = "typo";
    broken.lastReviewed = "15 September 2025";
    broken.mainEntity.citation[0].hasCredential = [];
    broken.url = "/the-therapeutic-relationship/";
    const paths = validateSchemaOrg(broken).map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["$.lastReviewed", "$.url", "$.mainEntity.author", "$.mainEntity.citation[0]"]));
  });
});

describe("Article.jsonLd of an article with an image, an organization and a person as authors, and no review", () => {
  it("validates too", async () => {
    const editor = await tokenHeaders("editor");
    const article = await db().article.findFirstOrThrow({ where: { featuredImageUrl: { not: null }, status: "PUBLISHED" } });
    const ids = (await graphql(`{ a: author(slug: "arp-staff") { id } b: author(slug: "jonathan-spitz") { id } }`)).body.data;
    const articleId = (await graphql(`query ($slug: String!) { article(slug: $slug) { id } }`, { slug: article.slug })).body.data.article.id;
    const set = await graphql(
      `mutation ($id: ID!, $authors: [ID!]!) { updateArticleTrust(articleId: $id, input: { authorIds: $authors }) { article { jsonLd } } }`,
      { id: articleId, authors: [ids.a.id, ids.b.id] },
      editor,
    );
    expect(set.body.errors).toBeUndefined();
    const jsonLd = set.body.data.updateArticleTrust.article.jsonLd;
    expect(jsonLd.mainEntity.image).toBe(article.featuredImageUrl);
    expect(jsonLd.mainEntity.author.map((a: { "@type": string }) => a["@type"])).toEqual(["Organization", "Person"]);
    expect(jsonLd.lastReviewed).toBeUndefined();
    expect(validateSchemaOrg(jsonLd)).toEqual([]);
    expect(await googleIssues(jsonLd)).toEqual([]);
  });
});
