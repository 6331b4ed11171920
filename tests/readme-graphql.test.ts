import { Kind, OperationTypeNode, parse, print, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { graphql, yogaWith } from "./support/graphql.ts";
import { documentationBlocks } from "./support/readme.ts";
import { tokenHeaders } from "./support/tokens.ts";

const production = yogaWith({ NODE_ENV: "production" });

/**
 * The public forms' examples need a solved ALTCHA challenge and messages to act on; the forms
 * tests (tests/forms-*.test.ts) run those operations. Everything else runs here.
 */
/** Queries of fields only editors read (the change log), sent with the editor's token too. */
const EDITOR_QUERY_FIELDS = /^\s*(query[^{]*)?\{\s*changes\b/;
const FORMS_ROOT_FIELDS = /^\s*(mutation[^{]*)?\{\s*(subscribe|sendContactMessage|subscribers|contactMessages|markContactMessageHandled|eraseSubscriber)\b/;

/** A block that opens with this comment runs its queries as an editor too (editors-only fields such as `revisions`). */
const EDITOR_BLOCK = /^# as an editor\b/;

/**
 * Every operation of every graphql block in README.md and docs/*.md, in the order a reader
 * would run them (README.md first, then the pages by name).
 */
const operations = documentationBlocks("graphql")
  .filter((block) => !FORMS_ROOT_FIELDS.test(block.code))
  .flatMap((block) =>
    parse(block.code).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? [{ where: block.where, definition, operation: definition.operation, document: print(definition), asEditor: EDITOR_BLOCK.test(block.code) }]
        : [],
    ),
  );

/** Next Monday, 08:00 UTC, at least a day from now: "publish it next Monday" on any day. */
function nextMonday(now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() !== 1 || day.getTime() - now.getTime() < 24 * 3600_000);
  return day.toISOString();
}

type Data = Record<string, any>;

/** The article the latest answer that holds one gave (`{ <mutation>: { article { id version } } }`). */
function latestArticle(results: Data[]): { id: string; version: number } | undefined {
  for (const data of [...results].reverse()) {
    for (const payload of Object.values(data)) if (payload?.article?.id) return payload.article;
  }
  return undefined;
}

/**
 * The values the docs tell a reader to give an operation's variables: `$id` and
 * `$expectedVersion` from the previous answer, `$at` a future instant. Nullable variables are
 * left out. A required variable the docs do not explain is a failure.
 */
function variablesFor(definition: OperationDefinitionNode, results: Data[]): Record<string, unknown> | string {
  const variables: Record<string, unknown> = {};
  for (const variable of definition.variableDefinitions ?? []) {
    const name = variable.variable.name.value;
    const article = latestArticle(results);
    if (name === "id" && article) variables.id = article.id;
    else if (name === "expectedVersion" && article) variables.expectedVersion = article.version;
    else if (name === "at") variables.at = nextMonday();
    else if (variable.type.kind === Kind.NON_NULL_TYPE && variable.defaultValue === undefined) return `no value for $${name}`;
  }
  return variables;
}

describe("the GraphQL examples of the README and docs/", () => {
  it("are all found", () => {
    expect(operations.length).toBeGreaterThanOrEqual(8);
  });

  it("each run without an error, in order, against the demo content (mutations as an editor)", async () => {
    const editor = await tokenHeaders("editor");
    const results: Data[] = [];
    const fed = new Map<string, Record<string, unknown>>();
    const failed: string[] = [];
    for (const { where, definition, operation, document, asEditor } of operations) {
      const variables = variablesFor(definition, results);
      if (typeof variables === "string") {
        failed.push(`${where}: ${variables}\n${document}`);
        results.push({});
        continue;
      }
      const withToken = operation === OperationTypeNode.MUTATION || asEditor || EDITOR_QUERY_FIELDS.test(document);
      const response = await graphql(document, variables, withToken ? editor : {}, production);
      const ok = response.body.errors === undefined && Object.values(response.body.data ?? {}).every((value) => value !== null);
      if (!ok) failed.push(`${where}:\n${document}\n${JSON.stringify(variables)}\n${response.text}`);
      const data: Data = response.body.data ?? {};
      for (const field of Object.keys(data)) fed.set(field, variables);
      results.push(data);
    }
    expect(failed).toEqual([]);
    // The editing sequence: each step takes the id the previous answer gave, and the versions
    // its comments state are the ones the API answers.
    const created = results.find((data) => data.createArticle)!.createArticle.article;
    expect(created).toMatchObject({ id: expect.any(String), status: "DRAFT", version: 1 });
    const published = results.find((data) => data.publishArticle)!.publishArticle.article;
    expect(fed.get("publishArticle")).toEqual({ id: created.id, at: expect.any(String) });
    expect(published).toMatchObject({ id: created.id, status: "PUBLISHED", version: 2 });
    expect(Date.parse(published.publishedAt)).toBeGreaterThan(Date.now());
    expect(fed.get("updateArticle")).toEqual({ id: created.id, expectedVersion: 2 });
    expect(results.find((data) => data.updateArticle)!.updateArticle.article).toEqual({ id: created.id, title: "Sleep, Anxiety and You", version: 3 });
    // docs/previews.md: a MATERIAL change (version 4) and its undoing (version 5, the excerpt of version 3).
    const material = results.find((data) => data.material)!.material.article;
    expect(material).toMatchObject({ id: created.id, version: 4, modifiedAt: expect.any(String) });
    expect(results.find((data) => data.restoreArticleRevision)!.restoreArticleRevision.article).toMatchObject({ id: created.id, version: 5 });
  });
});
