import { describe, expect, it } from "vitest";
import { db } from "../src/db/client.ts";
import { scriptJson } from "../src/domain/script-json.ts";
import { graphiqlPage } from "../src/http/graphiql/page.ts";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";

const HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028";

describe("JSON meant for a <script> element", () => {
  it("jsonLdScript parses to jsonLd and holds no <, > or &, whatever an editor wrote", async () => {
    const article = await db().article.findUniqueOrThrow({ where: { slug: "the-therapeutic-relationship" }, select: { id: true } });
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const id = encodeGlobalID("Article", article.id);
    const editor = await tokenHeaders("editor");
    const { version } = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    const saved = await graphql(`mutation ($id: ID!, $v: Int!, $t: String!) { updateArticle(id: $id, expectedVersion: $v, input: { title: $t, excerpt: $t }) { article { id } } }`, { id, v: version, t: HOSTILE }, editor);
    expect(saved.body.errors).toBeUndefined();
    await graphql(`mutation ($id: ID!, $t: String!) { addCorrection(articleId: $id, input: { text: $t }) { article { id } } }`, { id, t: HOSTILE }, editor);

    const { body } = await graphql(`{ article(slug: "the-therapeutic-relationship") { jsonLd jsonLdScript } }`);
    expect(body.errors).toBeUndefined();
    const { jsonLd, jsonLdScript } = body.data.article;
    expect(jsonLd.name).toContain("</script><script>alert(1)</script> & <!--");
    expect(jsonLd.mainEntity.correction.map((c: { text: string }) => c.text).join()).toContain("</script>");
    expect(JSON.parse(jsonLdScript)).toEqual(jsonLd);
    expect(jsonLdScript).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it("every JSON Lantern inlines in a page is escaped the same way (GraphiQL's examples)", () => {
    const value = { query: HOSTILE, nested: [HOSTILE] };
    expect(JSON.parse(scriptJson(value))).toEqual(value);
    expect(scriptJson(value)).not.toMatch(/[<>&\u2028\u2029]/);
    const { html } = graphiqlPage("/graphql", [HOSTILE]);
    const inline = html.slice(html.lastIndexOf("<script>") + "<script>".length, html.lastIndexOf("</script>"));
    expect(inline).not.toMatch(/[<>&]/);
  });
});
