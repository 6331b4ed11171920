import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createYoga } from "graphql-yoga";
import { graphql, errorCodes, fetchYoga, yogaWith } from "./support/graphql.ts";
import { schema } from "../src/graphql/schema.ts";
import { buildTrustedDocuments, sha256 } from "../src/graphql/safety/trusted-documents-registry.ts";
import { REGISTRY_FILE, loadTrustedDocuments, trustedDocuments } from "../src/graphql/safety/trusted-documents.ts";

const registry = loadTrustedDocuments();
const hashOf = (operationName: string) =>
  [...registry].find(([, document]) => document.startsWith(`query ${operationName}`))![0];
const FEATURED = hashOf("FeaturedArticle");

const persistedQuery = (hash: string) => encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
const csrf = { "x-graphql-csrf": "1" };

describe("the trusted-documents registry", () => {
  it("is built from operations/*.graphql and up to date (npm run operations:build)", () => {
    const built = buildTrustedDocuments(fileURLToPath(new URL("../operations", import.meta.url)), schema);
    expect(`${JSON.stringify(built, null, 2)}\n`).toBe(readFileSync(REGISTRY_FILE, "utf8"));
    for (const [hash, document] of Object.entries(built)) expect(sha256(document)).toBe(hash);
    expect(Object.keys(built).length).toBeGreaterThanOrEqual(5);
  });
});

describe("calling a registered operation by hash", () => {
  it("over GET, Apollo style, gives what the document itself gives", async () => {
    const expected = (await graphql(registry.get(FEATURED)!)).body;
    const response = await fetchYoga(`/graphql?extensions=${persistedQuery(FEATURED)}`, { headers: csrf });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected);
    expect(expected.data.featured[0].title).toBe("The Power of Exercise to Change the Brain");
  });

  it("over GET and POST with documentId, with variables", async () => {
    const archive = hashOf("CategoryArchive");
    const variables = encodeURIComponent(JSON.stringify({ category: "psychotherapy" }));
    const viaGet = await fetchYoga(`/graphql?documentId=sha256:${archive}&variables=${variables}`, { headers: csrf });
    const viaPost = await fetchYoga("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: archive, variables: { category: "psychotherapy" } }),
    });
    const [got, posted] = [await viaGet.json(), await viaPost.json()];
    expect(got.data.articles.nodes.length).toBeGreaterThan(0);
    expect(posted).toEqual(got);
  });

  it("refuses an unknown hash with a coded error", async () => {
    const response = await fetchYoga(`/graphql?documentId=${"0".repeat(64)}`, { headers: csrf });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("TRUSTED_DOCUMENTS=anonymous", () => {
  const server = yogaWith({ TRUSTED_DOCUMENTS: "anonymous" });

  it("accepts registered operations and refuses other documents from anonymous callers", async () => {
    const registered = await fetchYoga(`/graphql?extensions=${persistedQuery(FEATURED)}`, { headers: csrf }, server);
    expect(registered.status).toBe(200);
    const arbitrary = await graphql("{ site { title } }", undefined, {}, server);
    expect(arbitrary.status).toBe(403);
    expect(errorCodes(arbitrary)).toEqual(["PERSISTED_QUERY_ONLY"]);
  });

  it("lets editors send any document", async () => {
    const editorsOnly = async (request: Request) => request.headers.get("authorization") === "Bearer editor";
    const withEditors = createYoga({ schema, plugins: [trustedDocuments("anonymous", editorsOnly, registry)] });
    const send = (headers: Record<string, string>) =>
      withEditors.fetch("http://lantern.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    expect((await send({ authorization: "Bearer editor" })).status).toBe(200);
    expect((await send({})).status).toBe(403);
  });
});
