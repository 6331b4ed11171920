import { describe, expect, it } from "vitest";
import { sanitizeBodyHtml, htmlToPlainText } from "../src/domain/html.ts";
import { countWords, deriveExcerpt, readingTimeMinutes } from "../src/domain/text.ts";
import { prepareArticleBody } from "../src/domain/article-body.ts";
import { normalizeUri, parseUri } from "../src/domain/uri.ts";

describe("HTML sanitizing", () => {
  it("removes scripts, event handlers and unsafe links but keeps structure", () => {
    const html = sanitizeBodyHtml(
      `<h2 onclick="x()">Title</h2><p>Hi <a href="javascript:alert(1)">x</a><script>alert(1)</script><img src=x onerror=alert(1)> <strong>there</strong></p><iframe src="https://evil"></iframe>`,
    );
    expect(html).toBe(`<h2>Title</h2><p>Hi <a>x</a><img src="x" /> <strong>there</strong></p>`);
  });

  it("adds rel=noopener to links that open a new window", () => {
    expect(sanitizeBodyHtml(`<a href="https://a.example" target="_blank">a</a>`)).toContain('rel="noopener noreferrer"');
  });
});

describe("derived text", () => {
  it("turns HTML into paragraphs of plain text", () => {
    expect(htmlToPlainText("<h2>Head</h2><p>One &amp; two.</p><p>Three</p>")).toBe("Head\n\nOne & two.\n\nThree");
  });

  it("counts words and reading time", () => {
    expect(countWords("It’s a well-known fact: 3 words… or more")).toBe(8);
    expect(readingTimeMinutes(0)).toBe(1);
    expect(readingTimeMinutes(201)).toBe(2);
    expect(prepareArticleBody("<p>one two three</p>").wordCount).toBe(3);
  });

  it("derives an excerpt from the first real paragraph, cut at a word", () => {
    const text = `Short heading\n\n${"word ".repeat(80).trim()}.`;
    const excerpt = deriveExcerpt(text);
    expect(excerpt.endsWith("word…")).toBe(true);
    expect(countWords(excerpt)).toBe(55);
    expect(deriveExcerpt("Just a few words here that are enough to be a paragraph okay.")).toBe(
      "Just a few words here that are enough to be a paragraph okay.",
    );
  });
});

describe("URIs", () => {
  it("normalizes paths and URLs", () => {
    expect(normalizeUri("https://x.example/a/b?c=1#d")).toBe("/a/b/");
    expect(normalizeUri("a")).toBe("/a/");
    expect(normalizeUri("")).toBe("/");
  });

  it("parses each kind", () => {
    expect(parseUri("/slug/")).toEqual({ kind: "article", slug: "slug" });
    expect(parseUri("/page/about/")).toEqual({ kind: "page", slug: "about" });
    expect(parseUri("/author/a-b/")).toEqual({ kind: "author", slug: "a-b" });
    expect(parseUri("/category/a/b/")).toEqual({ kind: "category", slugPath: ["a", "b"] });
    expect(parseUri("/x/y/")).toBeNull();
    expect(parseUri("/bad slug/")).toBeNull();
  });
});
