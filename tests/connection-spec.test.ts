import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./support/graphql.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { db } from "../src/db/client.ts";

// Every connection against the Relay specification's pagination algorithm: the edges after
// `after` and before `before`, then the first `first`, then the last `last` of those.

const PAGE = `first: $first, last: $last, after: $after, before: $before`;
const VARS = `$first: Int, $last: Int, $after: String, $before: String`;
const SELECTION = `edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

interface Spec {
  name: string;
  editor?: boolean;
  document: string;
  connection: (data: any) => any;
}

const specs: Spec[] = [
  ...(["NEWEST", "OLDEST", "TITLE"] as const).flatMap((order) => [
    { name: `articles ${order}`, document: `query (${VARS}) { c: articles(${PAGE}, orderBy: ${order}) { ${SELECTION} } }`, connection: (d: any) => d.c },
    {
      name: `articles ${order} (editor, with drafts)`,
      editor: true,
      document: `query (${VARS}) { c: articles(${PAGE}, orderBy: ${order}) { ${SELECTION} } }`,
      connection: (d: any) => d.c,
    },
  ]),
  { name: "articles in a category", document: `query (${VARS}) { c: articles(${PAGE}, where: { categorySlug: "psychotherapy" }) { ${SELECTION} } }`, connection: (d) => d.c },
  { name: "authors", document: `query (${VARS}) { c: authors(${PAGE}) { ${SELECTION} } }`, connection: (d) => d.c },
  { name: "categories NAME", document: `query (${VARS}) { c: categories(${PAGE}) { ${SELECTION} } }`, connection: (d) => d.c },
  { name: "categories ARTICLE_COUNT", document: `query (${VARS}) { c: categories(${PAGE}, orderBy: ARTICLE_COUNT) { ${SELECTION} } }`, connection: (d) => d.c },
  { name: "Author.articles", document: `query (${VARS}) { author(slug: "arp-staff") { c: articles(${PAGE}) { ${SELECTION} } } }`, connection: (d) => d.author.c },
  {
    name: "Author.articles (editor)",
    editor: true,
    document: `query (${VARS}) { author(slug: "arp-staff") { c: articles(${PAGE}) { ${SELECTION} } } }`,
    connection: (d) => d.author.c,
  },
  { name: "contactMessages", editor: true, document: `query (${VARS}) { c: contactMessages(${PAGE}) { ${SELECTION} } }`, connection: (d) => d.c },
  {
    name: "articlesDueForReview (ties on the due time)",
    editor: true,
    document: `query (${VARS}) { c: articlesDueForReview(${PAGE}, withinDays: 0) { ${SELECTION} } }`,
    connection: (d) => d.c,
  },
  { name: "Category.articles", document: `query (${VARS}) { category(slug: "psychotherapy") { c: articles(${PAGE}) { ${SELECTION} } } }`, connection: (d) => d.category.c },
];

interface Case {
  first?: number;
  last?: number;
  after?: number;
  before?: number;
}

function casesFor(n: number): Case[] {
  const at = (i: number) => Math.max(0, Math.min(n - 1, i));
  return [
    {},
    { first: 3 },
    { last: 3 },
    { first: 3, after: at(1) },
    { last: 3, before: at(n - 2) },
    { after: at(1), before: at(7) },
    { first: 5, last: 2 },
    { first: 2, last: 5 },
    { first: 4, last: 2, after: at(2), before: at(12) },
    { last: 2, after: at(0), before: at(6) },
    { first: 0 },
    { last: 0 },
    { first: 5, after: at(n - 1) },
    { last: 5, before: at(0) },
    { after: at(5), before: at(5) },
  ];
}

/** The specification's algorithm over the whole list. */
function expected(all: { cursor: string; id: string }[], c: Case) {
  let edges = all.slice(c.after == null ? 0 : c.after + 1, c.before == null ? all.length : Math.max(c.before, 0));
  const first = c.first ?? (c.last == null ? 20 : undefined);
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (first != null && edges.length > first) {
    hasNextPage = true;
    edges = edges.slice(0, first);
  }
  if (c.last != null && edges.length > c.last) {
    hasPreviousPage = true;
    edges = edges.slice(edges.length - c.last);
  }
  return {
    ids: edges.map((edge) => edge.id),
    cursors: edges.map((edge) => edge.cursor),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

let editor: Record<string, string>;
beforeAll(async () => {
  editor = await tokenHeaders("editor");
  for (let i = 0; i < 8; i++) await db().contactMessage.create({ data: { name: `Spec ${i}`, email: "spec@example.org", message: "Hello" } });
  const articles = await db().article.findMany({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } }, take: 8 });
  for (const [i, article] of articles.entries()) {
    const due = { nextReviewDue: new Date(Date.UTC(2020, 0, 1 + (i % 3))) };
    await db().articleTrust.upsert({ where: { articleId: article.id }, create: { articleId: article.id, ...due }, update: due });
  }
});

describe.each(specs)("the Relay pagination algorithm: $name", (spec) => {
  const run = async (variables: Record<string, unknown>) => {
    const response = await graphql(spec.document, variables, spec.editor ? editor : {});
    expect(response.body.errors).toBeUndefined();
    return spec.connection(response.body.data);
  };

  it("answers every combination of first, last, after and before as the specification does", async () => {
    const whole = await run({ first: 100 });
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const all = whole.edges.map((edge: any) => ({ cursor: edge.cursor, id: edge.node.id }));
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(all.map((edge: { id: string }) => edge.id)).size).toBe(all.length);

    for (const c of casesFor(all.length)) {
      const variables = {
        first: c.first,
        last: c.last,
        after: c.after == null ? undefined : all[c.after]!.cursor,
        before: c.before == null ? undefined : all[c.before]!.cursor,
      };
      const page = await run(variables);
      const want = expected(all, c);
      const label = JSON.stringify(c);
      expect(page.edges.map((edge: any) => edge.node.id), label).toEqual(want.ids);
      expect(page.edges.map((edge: any) => edge.cursor), label).toEqual(want.cursors);
      expect(page.nodes.map((node: any) => node.id), label).toEqual(want.ids);
      expect(page.pageInfo, label).toEqual(want.pageInfo);
    }
  });
});
