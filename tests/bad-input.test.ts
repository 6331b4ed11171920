import { describe, expect, it } from "vitest";
import { graphql, fetchYoga, LEAKS } from "./support/graphql.ts";

const CASES: [string, string, Record<string, unknown>?][] = [
  ["negative page size", `{ articles(first: -5) { nodes { id } } }`],
  ["page size too large", `{ articles(first: 1000) { nodes { id } } }`],
  ["garbage cursor", `{ articles(after: "%%%") { nodes { id } } }`],
  ["cursor of another shape", `{ articles(after: "${Buffer.from("GPC:S:abc").toString("base64")}") { nodes { id } } }`],
  ["author articles with a bad cursor", `{ author(slug: "arp-staff") { articles(after: "x") { nodes { id } } } }`],
  ["category cursor of another kind", `{ categories(after: "Y2F0ZWdvcnk6MQ==") { nodes { id } } }`],
  ["after and last together", `{ articles(last: 2, after: "R1BDOk46MTIz") { nodes { id } } }`],
  ["garbage node id", `{ node(id: "garbage") { id } }`],
  ["node id with a non-numeric key", `{ node(id: "${Buffer.from("Article:abc").toString("base64")}") { id } }`],
  ["bad date", `query ($d: DateTime) { articles(where: { publishedAfter: $d }) { nodes { id } } }`, { d: "yesterday" }],
  ["huge search", `query ($s: String) { articles(where: { search: $s }) { nodes { id } } }`, { s: "x".repeat(10_000) }],
  ["unknown enum", `{ articles(orderBy: RANDOM) { nodes { id } } }`],
  ["huge uri", `query ($u: String!) { resolveUri(uri: $u) { __typename } }`, { u: "/a".repeat(5000) }],
  ["featured first too large", `{ featured(slot: "sidebar", first: 5000) { title } }`],
  ["int overflow", `{ articles(first: 99999999999) { nodes { id } } }`],
  ["unknown field", `{ articles { nodes { password } } }`],
  ["syntax error", `{ articles( `],
];

describe("bad input gets a coded GraphQL error, never a 500 or internals", () => {
  it.each(CASES)("%s", async (_name, query, variables) => {
    const response = await graphql(query, variables);
    expect(response.status).toBeLessThan(500);
    expect(response.body.errors?.length).toBeGreaterThan(0);
    for (const error of response.body.errors!) {
      expect(error.extensions?.code, error.message).toMatch(/^[A-Z_]+$/);
    }
    expect(response.text).not.toMatch(LEAKS);
  });

  it.each(["Article:999999", "Nope:1"])("answers the well-formed id %s of nothing with null", async (id) => {
    const { body } = await graphql(`{ node(id: "${Buffer.from(id).toString("base64")}") { id } }`);
    expect(body).toEqual({ data: { node: null } });
  });

  it("answers a non-JSON body with a client error", async () => {
    const response = await fetchYoga("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(LEAKS);
  });
});
