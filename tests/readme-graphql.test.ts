import { Kind, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { graphql, yogaWith } from "./support/graphql.ts";
import { readmeBlocks } from "./support/readme.ts";
import { tokenHeaders } from "./support/tokens.ts";

const production = yogaWith({ NODE_ENV: "production" });

/** Every operation of every graphql block in README.md, in the order a reader would run them. */
const operations = readmeBlocks("graphql").flatMap((block) =>
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
    for (const { line, operation, document } of operations) {
      const response = await graphql(document, undefined, operation === "mutation" ? editor : {}, production);
      expect(response.body.errors, `README.md line ${line}:\n${document}\n${response.text}`).toBeUndefined();
      expect(Object.values(response.body.data ?? {}).every((value) => value !== null), `README.md line ${line}: ${response.text}`).toBe(true);
      results.push(response.body.data);
    }
    // The editing sequence: the id it hard-codes is the one createArticle gives on the demo
    // content, and the versions its comments state are the ones the API answers.
    const created = results.find((data) => data.createArticle)!.createArticle.article;
    expect(created).toMatchObject({ id: "QXJ0aWNsZTo3NQ==", status: "DRAFT", version: 1 });
    expect(results.find((data) => data.updateArticle)!.updateArticle.article).toEqual({ title: "Sleep, Anxiety and You", version: 3 });
  });
});
