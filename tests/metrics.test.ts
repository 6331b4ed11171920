import { describe, expect, it } from "vitest";
import { fetchYoga, graphql, yogaWith } from "./support/graphql.ts";
import { countStatements } from "./support/statements.ts";

const TOKEN = "metrics-token-for-tests";
const server = yogaWith({ METRICS_TOKEN: TOKEN });

async function metrics(): Promise<string> {
  const response = await fetchYoga("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }, server);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

function sample(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("GET /metrics", () => {
  it("counts every SQL statement, so a client can see what a request cost", async () => {
    const before = sample(await metrics(), "lantern_sql_statements_total");
    const { statements } = await countStatements(() => graphql(`query Sidebar { categories(first: 5) { nodes { name articleCount } } }`));
    const after = sample(await metrics(), "lantern_sql_statements_total");
    expect(statements).toBe(1); // the category directory with its counts
    expect(after - before).toBe(statements);
  });

  it("is served only to callers with METRICS_TOKEN, and not at all without one", async () => {
    expect((await fetchYoga("/metrics")).status).toBe(404);
    expect((await fetchYoga("/metrics", {}, server)).status).toBe(401);
    expect((await fetchYoga("/metrics", { headers: { authorization: "Bearer wrong-token-of-some-length" } }, server)).status).toBe(401);
  });

  it("counts requests by registered operation name and outcome and times them; other names are 'other'", async () => {
    await graphql(`query FeaturedArticle { featured(slot: "sidebar") { title } }`, undefined, {}, server);
    await graphql(`query FeaturedArticle { articles(first: 1000) { nodes { id } } }`, undefined, {}, server);
    await graphql(`query Menu { nope }`, undefined, {}, server);
    for (let i = 0; i < 300; i += 1) await graphql(`query Editors${i}Secret { site { title } }`, undefined, {}, server);
    await graphql(`{ site { title } }`, undefined, {}, server);
    const text = await metrics();
    expect(sample(text, 'lantern_graphql_requests_total{operation="FeaturedArticle",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lantern_graphql_requests_total{operation="FeaturedArticle",outcome="error"}')).toBe(1);
    expect(sample(text, 'lantern_graphql_requests_total{operation="Menu",outcome="invalid"}')).toBe(1);
    expect(sample(text, 'lantern_graphql_requests_total{operation="other",outcome="ok"}')).toBeGreaterThanOrEqual(300);
    expect(sample(text, 'lantern_graphql_requests_total{operation="anonymous",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/Secret/);
    expect(text).toContain('lantern_graphql_request_duration_seconds_bucket{le="0.01",operation="FeaturedArticle"}');
  });
});
