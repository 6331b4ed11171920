import { Kind, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { graphql, yogaWith } from "./support/graphql.ts";
import { readmeBlocks } from "./support/readme.ts";
import { tokenHeaders } from "./support/tokens.ts";

const production = yogaWith({ NODE_ENV: "production" });

/**
 * The public forms' examples need a solved ALTCHA challenge and messages to act on; the forms
 * tests (tests/forms-*.test.ts) run those operations. Everything else runs here.
 */
const FORMS_ROOT_FIELDS = /^\s*(mutation[^{]*)?\{\s*(subscribe|sendContactMessage|subscribers|contactMessages|markContactMessageHandled|eraseSubscriber)\b/;

/** Every operation of every graphql block in README.md, in the order a reader would run them. */
const operations = readmeBlocks("graphql").filter((block) => !FORMS_ROOT_FIELDS.test(block.code)).flatMap((block) =>
  parse(block.code).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [{ line: block.line, operation: definition.operation, document: print(definition) }] : [],
  ),
);

describe("the README's GraphQL examples", () => {
  it("are all found", () => {
    expect(operations.length).toBeGreaterThanOrEqual(8);
  });

  it("each run without an error, in order, against the demo content (mutations as an editor)", async () => {
    const editor = await tokenHeaders("editor");
    const results = [];
    const failed: string[] = [];
    for (const { line, operation, document } of operations) {
      const response = await graphql(document, undefined, operation === "mutation" ? editor : {}, production);
      const ok = response.body.errors === undefined && Object.values(response.body.data ?? {}).every((value) => value !== null);
      if (!ok) failed.push(`README.md line ${line}:\n${document}\n${response.text}`);
      results.push(response.body.data ?? {});
    }
    expect(failed).toEqual([]);
    // The editing sequence: the id it hard-codes is the one createArticle gives on the demo
    // content, and the versions its comments state are the ones the API answers.
    const created = results.find((data) => data.createArticle)!.createArticle.article;
    expect(created).toMatchObject({ id: "QXJ0aWNsZTo3NQ==", status: "DRAFT", version: 1 });
    expect(results.find((data) => data.updateArticle)!.updateArticle.article).toEqual({ title: "Sleep, Anxiety and You", version: 3 });
  });
});
