import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, print } from "graphql";
import { addTypenameToDocument } from "@apollo/client/utilities";
import { formatDocument } from "@urql/core";
import { graphql } from "./support/graphql.ts";

// The pagination documents that the clients people use send, paged to the end under the
// default limits: relay-compiler's refetch queries (compiled here from tests/clients/relay),
// and Apollo Client's and urql's queries with the __typename fields they add.

const ARTIFACTS = join(process.cwd(), ".tmp", "relay-artifacts");

/** The operation text relay-compiler wrote for a query. */
function relayQuery(name: string): string {
  const artifact = readFileSync(join(ARTIFACTS, `${name}.graphql.ts`), "utf8");
  return JSON.parse(/"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)![1]!);
}

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const compiled = spawnSync(join(process.cwd(), "node_modules", ".bin", "relay-compiler"), { cwd: "tests/clients", encoding: "utf8" });
  expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
});

async function ids(kind: "articles" | "author" | "category", slug: string) {
  const query =
    kind === "articles"
      ? `{ c: articles(first: 100) { totalCount nodes { id } } }`
      : `{ p: ${kind}(slug: "${slug}") { id c: articles(first: 100) { totalCount nodes { id } } } }`;
  const { body } = await graphql(query);
  const connection = kind === "articles" ? body.data.c : body.data.p.c;
  expect(connection.totalCount).toBeLessThanOrEqual(100);
  return { parentId: body.data.p?.id as string | undefined, ids: connection.nodes.map((node: { id: string }) => node.id) };
}

/** Pages through a connection with the client's document and variables; every page must be accepted. */
async function pageThrough(document: string, variables: (after: string | null) => Record<string, unknown>, connectionOf: (data: any) => any) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const response = await graphql(document, variables(after));
    expect(response.body.errors, response.text).toBeUndefined();
    const connection = connectionOf(response.body.data);
    seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error("more than 50 pages");
}

const CONNECTIONS = [
  { kind: "articles" as const, slug: "", relay: "ArticleListPaginationQuery", root: "" },
  { kind: "author" as const, slug: "arp-staff", relay: "AuthorArticlesPaginationQuery", root: "author" },
  { kind: "category" as const, slug: "psychotherapy", relay: "CategoryArticlesPaginationQuery", root: "category" },
];

describe.each(CONNECTIONS)("paging $kind $slug", ({ kind, slug, relay, root }) => {
  it("with relay-compiler's refetch query", async () => {
    const expected = await ids(kind, slug);
    const document = relayQuery(relay);
    const seen = await pageThrough(
      document,
      (cursor) => ({ count: 5, cursor, ...(expected.parentId ? { id: expected.parentId } : {}) }),
      (data) => (root ? data.node.articles : data.articles),
    );
    expect(seen).toEqual(expected.ids);
  });

  const selection = `articles(first: $first, after: $after) {
    edges { cursor node { id title uri publishedAt author { id displayName } } }
    pageInfo { endCursor hasNextPage }
  }`;
  const text = root
    ? `query Paged($slug: String!, $first: Int!, $after: String) { ${root}(slug: $slug) { id ${selection} } }`
    : `query Paged($first: Int!, $after: String) { ${selection} }`;

  it.each([
    ["Apollo Client", print(addTypenameToDocument(parse(text)))],
    ["urql", print(formatDocument(parse(text)))],
  ])("with %s's query", async (_client, document) => {
    expect(document).toContain("__typename");
    const expected = await ids(kind, slug);
    const seen = await pageThrough(
      document,
      (after) => ({ first: 5, after, ...(root ? { slug } : {}) }),
      (data) => (root ? data[root].articles : data.articles),
    );
    expect(seen).toEqual(expected.ids);
    // A page of the default size (20) costs what it asks for: about a fifth of the limit.
    const usual = await graphql(document, { first: 20, after: null, ...(root ? { slug } : {}) });
    expect(usual.body.errors, usual.text).toBeUndefined();
  });
});
