import { describe, expect, it } from "vitest";
import { graphql, errorCodes, fetchYoga, yogaWith } from "./support/graphql.ts";

const SITE_TITLE = encodeURIComponent("{ site { title } }");

describe("CORS", () => {
  it("lets any origin read, with the Authorization header and without credentials", async () => {
    const preflight = await fetchYoga("/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "https://widget.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://widget.example");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(preflight.headers.has("access-control-allow-credentials")).toBe(false);

    const read = await graphql("{ site { title } }", undefined, { origin: "https://widget.example" });
    expect(read.status).toBe(200);
    expect(read.body.data.site.title).toBe("Anxiety Relief Project");
  });

  it("answers only the origins listed in CORS_ORIGINS when it is set", async () => {
    const server = yogaWith({ CORS_ORIGINS: "https://a.example,https://b.example" });
    const response = await fetchYoga("/graphql", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } }, server);
    expect(response.headers.get("access-control-allow-origin")).toBe("null");
  });
});

describe("CSRF prevention", () => {
  it("refuses a GET without a CSRF header and answers one with it", async () => {
    const bare = await fetchYoga(`/graphql?query=${SITE_TITLE}`);
    expect(bare.status).toBe(403);
    const withHeader = await fetchYoga(`/graphql?query=${SITE_TITLE}`, { headers: { "x-graphql-csrf": "1" } });
    expect(withHeader.status).toBe(200);
    expect((await withHeader.json()).data.site.title).toBe("Anxiety Relief Project");
  });

  it.each([
    ["application/x-www-form-urlencoded", `query=${SITE_TITLE}`],
    ["text/plain", JSON.stringify({ query: "{ site { title } }" })],
    ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ site { title } }"}\r\n--x--\r\n`],
  ])("refuses a %s POST without a CSRF header", async (contentType, body) => {
    const response = await fetchYoga("/graphql", { method: "POST", headers: { "content-type": contentType }, body });
    expect(response.status).toBe(403);
  });

  it("refuses a mutation over GET with 405, whatever the headers", async () => {
    const response = await fetchYoga(`/graphql?query=${encodeURIComponent("mutation { __typename }")}`, {
      headers: { "x-graphql-csrf": "1" },
    });
    expect(response.status).toBe(405);
    expect((await response.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});

describe("development and production modes", () => {
  const production = yogaWith({ NODE_ENV: "production" });
  const introspection = "{ __schema { queryType { name } } }";

  it("development keeps introspection, GraphiQL and suggestions", async () => {
    expect((await graphql(introspection)).body.data.__schema.queryType.name).toBe("Query");
    expect((await graphql("{ site { titel } }")).body.errors?.[0]?.message).toContain("Did you mean");
  });

  it("production refuses introspection but still answers __typename", async () => {
    const refused = await graphql(introspection, undefined, {}, production);
    expect(new Set(errorCodes(refused))).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
    expect(refused.body.data).toBeUndefined();
    expect((await graphql("{ __typename }", undefined, {}, production)).body.data.__typename).toBe("Query");
  });

  it("production gives no suggestions, in validation or in variables", async () => {
    const responses = await Promise.all([
      graphql("{ site { titel } }", undefined, {}, production),
      graphql("{ articles(orderBy: NEWES) { nodes { id } } }", undefined, {}, production),
      graphql("{ articles(frist: 1) { nodes { id } } }", undefined, {}, production),
      graphql("query ($o: ArticleOrder) { articles(orderBy: $o) { nodes { id } } }", { o: "NEWES" }, {}, production),
      graphql("query ($w: ArticleWhere) { articles(where: $w) { nodes { id } } }", { w: { serch: "x" } }, {}, production),
      graphql("query ($w: ArticleWher) { articles(where: $w) { nodes { id } } }", {}, {}, production),
    ]);
    for (const response of responses) {
      expect(response.body.errors?.length, response.text).toBeGreaterThan(0);
      expect(response.text).not.toMatch(/did you mean/i);
    }
  });

  it("production serves no GraphiQL", async () => {
    const response = await fetchYoga("/graphql", { headers: { accept: "text/html" } }, production);
    expect(await response.text()).not.toContain("GraphiQL");
  });

  it("INTROSPECTION and GRAPHIQL turn them back on in production", async () => {
    const server = yogaWith({ NODE_ENV: "production", INTROSPECTION: "true", GRAPHIQL: "true" });
    expect((await graphql(introspection, undefined, {}, server)).body.data.__schema.queryType.name).toBe("Query");
    const page = await fetchYoga("/graphiql", { headers: { accept: "text/html" } }, server);
    expect(await page.text()).toContain("GraphiQL");
  });
});
