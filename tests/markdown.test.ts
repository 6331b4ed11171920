import { describe, expect, it } from "vitest";
import { headingAnchors, headingSlug, markdownPage, renderInline, renderMarkdown } from "../src/http/markdown.ts";

describe("the Markdown renderer of /docs/api", () => {
  it("escapes every piece of text: headings, paragraphs, lists, tables, code and link text", () => {
    const html = renderMarkdown(
      [
        "# <script>alert(1)</script>",
        "",
        'A <img src=x onerror="alert(1)"> & `<b>code</b>` and [<i>x</i>](https://example.org/?a="b"&c).',
        "",
        "- <iframe>",
        "",
        "| a | b |",
        "| --- | --- |",
        "| <svg onload=alert(1)> | `x \\| y` |",
        "",
        "```html",
        "<script>alert(1)</script>",
        "```",
      ].join("\n"),
    );
    expect(html).not.toMatch(/<(script|img|iframe|svg|i|b)[\s>]/);
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("<code>&#60;b&#62;code&#60;/b&#62;</code>");
    expect(html).toContain('<a href="https://example.org/?a=&#34;b&#34;&#38;c">&#60;i&#62;x&#60;/i&#62;</a>');
    expect(html).toContain("<td><code>x | y</code></td>");
    expect(html).toContain('<pre><code class="language-html">&#60;script&#62;');
  });

  it("makes links only of http(s), mailto and in-page addresses", () => {
    expect(renderInline("[a](javascript:alert`1`)")).toBe("a");
    expect(renderInline("[a](JaVaScRiPt:alert)")).toBe("a");
    expect(renderInline("[a](data:text/html,x)")).toBe("a");
    expect(renderInline("[Editors](editors.md#tokens)")).toBe("Editors");
    expect(renderInline("[a](#b)")).toBe('<a href="#b">a</a>');
    expect(renderInline("<https://example.org/>")).toBe('<a href="https://example.org/">https://example.org/</a>');
  });

  it("renders headings with GitHub's anchors, lists, nested lists, tables and emphasis", () => {
    expect(headingSlug('Forms: "Subscribe to Our List" and "Contact Us"')).toBe("forms-subscribe-to-our-list-and-contact-us");
    expect(headingSlug("Live updates: `featuredChanged`")).toBe("live-updates-featuredchanged");
    expect(headingAnchors("## Tests\n\n```sh\n# not a heading\n```\n\n## Tests\n")).toEqual(["tests", "tests-1"]);
    expect(renderMarkdown("- **a** one\n  two\n  - b\n- c")).toBe("<ul>\n<li><strong>a</strong> one two<ul>\n<li>b</li>\n</ul></li>\n<li>c</li>\n</ul>");
    expect(renderMarkdown("1. first\n2. *second*")).toBe("<ol>\n<li>first</li>\n<li><em>second</em></li>\n</ol>");
    expect(renderMarkdown("| a | b |\n| --- | --- |\n| 1 | 2 |")).toBe("<table>\n<thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody>\n</table>");
    expect(markdownPage("# The <API>\n\ntext")).toContain("<title>The &#60;API&#62; · Lantern</title>");
  });
});
