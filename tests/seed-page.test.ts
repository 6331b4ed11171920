import { describe, expect, it } from "vitest";
import { graphql, fetchYoga } from "./support/graphql.ts";
import { ARTICLE_PAGE_QUERY, ARTICLE_TRUST_QUERY } from "../src/http/graphiql/example-queries.ts";

const TOPICS = [
  "Exercise", "Food and Nutrition", "LIfestyle", "Enjoyment and Pleasure", "Therapeutic Bodywork",
  "Mindfulness", "Body-Mind Practices", "Learning to be with Discomfort", "Hakomi Method",
  "Cognitive Behavior Therapy", "Dialectic Behavior Therapy", "Social Connectivity", "Self Compassion",
  "Strengthening Emotional Agility", "Family and Intimate Relationships", "Giving Back to Life",
  "Psychotherapy", "Understanding Anxiety", "Anxiety with Other Conditions", "Anxiety in General",
  "Transformational Talks", "Self Care",
];

const SIDEBAR_CATEGORIES = [
  "Anxiety in General", "Anxiety with Other Conditions", "Body-Mind Practices", "Cognitive Behavior Therapy",
  "Dialectic Behavior Therapy", "Enjoyment and Pleasure", "Exercise", "Family and Intimate Relationships",
  "Food and Nutrition", "Giving Back to Life", "Hakomi Method", "Learning to be with Discomfort",
  "Meaning and Purpose", "Mindfulness", "Processes and Practices", "Psychotherapy", "Self Care",
  "Self Compassion", "Social Connectivity", "Strengthening Emotional Agility", "Transformational Talks",
  "Uncategorized", "Understanding Anxiety", "Yoga",
];

describe("the seed article page, as GraphiQL's example query asks for it", async () => {
  const response = await graphql(ARTICLE_PAGE_QUERY);
  const data = response.body.data;

  it("answers without errors", () => {
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it("has the site header and footer", () => {
    expect(data.site.title).toBe("Anxiety Relief Project");
    expect(data.site.tagline).toBe("Evidence Based Resources for Anxiety Relief");
    expect(data.site.copyright).toBe("Copyright © 2018. Anxiety Relief Project. All Rights Reserved");
    expect(data.site.socialLinks.length).toBeGreaterThan(0);
  });

  it("has the primary menu with the topics in the page's order", () => {
    const labels = data.menu.items.map((item: { label: string }) => item.label);
    expect(labels).toEqual(["Home", "How to Use this Site", "Topics", "About", "Contact Us"]);
    const topics = data.menu.items[2].children;
    expect(topics.map((item: { label: string }) => item.label)).toEqual(TOPICS);
    expect(topics.find((item: { label: string }) => item.label === "Psychotherapy").url).toBe("/category/psychotherapy/");
    expect(data.menu.items[1].url).toBe("/page/how-to-use-this-site/");
  });

  it("has the article with its byline, breadcrumb, categories and full text", () => {
    const article = data.article;
    expect(article.title).toBe("The Therapeutic Relationship");
    expect(article.publishedAt.slice(0, 10)).toBe("2019-11-08");
    expect(article.author.displayName).toBe("Jonathan Spitz, PsyD");
    expect(article.author.websiteUrl).toBe("https://www.spitzpsych.com/");
    expect(article.author.bio).toContain("Jonathan Spitz is a Clinical Psychologist based in Chicago.");
    expect(article.breadcrumbs).toEqual([
      { name: "Home", uri: "/" },
      { name: "Psychotherapy", uri: "/category/psychotherapy/" },
      { name: "The Therapeutic Relationship", uri: "/the-therapeutic-relationship/" },
    ]);
    expect(article.categories).toEqual([{ name: "Psychotherapy", uri: "/category/psychotherapy/" }]);
    for (const heading of ["Bedside Manner vs The Therapeutic Relationship", "The Therapeutic Relationship Defined", "Therapy Takes Courage"]) {
      expect(article.body).toContain(`<h2>${heading}</h2>`);
    }
    expect(article.body).toContain("Sitting down with a therapist for the first time can be an awkward experience.");
    expect(article.body).toContain("Choosing the right therapist (and firing the wrong one)");
    expect(article.readingTimeMinutes).toBeGreaterThanOrEqual(4);
  });

  it("has the featured sidebar article", () => {
    expect(data.featured).toHaveLength(1);
    const [featured] = data.featured;
    expect(featured.title).toBe("The Power of Exercise to Change the Brain");
    expect(featured.excerpt).toBe(
      "Neuroscientist Wendy Suzuki shares her personal journey and her research that revealed the benefits of exercise for the brain.",
    );
    expect(featured.article.publishedAt.slice(0, 10)).toBe("2019-07-05");
    expect(featured.article.author.displayName).toBe("ARP Staff");
  });

  it("lists the 24 article categories that have published articles, with counts", () => {
    const categories = data.categories.nodes;
    expect(categories.map((c: { name: string }) => c.name)).toEqual(SIDEBAR_CATEGORIES);
    for (const category of categories) expect(category.articleCount).toBeGreaterThan(0);
  });
});

describe("GraphiQL", () => {
  it("is served to browsers at /graphiql with the example query", async () => {
    const response = await fetchYoga("/graphiql", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("GraphiQL");
    expect(html).toContain("query ArticlePage");
    expect(html).toContain("query ArticleTrust");
  });

  it("opens a second tab on the seed article's trust block: reviewer, three cited DOIs, a correction", async () => {
    const { body } = await graphql(ARTICLE_TRUST_QUERY);
    expect(body.errors).toBeUndefined();
    const article = body.data.article;
    expect(article.medicalReviewers.length).toBeGreaterThan(0);
    expect(article.reviewedAt).toBeTruthy();
    expect(article.citations).toHaveLength(3);
    expect(article.citations.every((citation: { doi: string | null }) => /^10\.\d{4,9}\//.test(citation.doi ?? ""))).toBe(true);
    expect(article.corrections).toHaveLength(1);
  });
});
