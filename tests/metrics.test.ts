import { describe, expect, it } from "vitest";
import { fetchYoga, graphql } from "./support/graphql.ts";
import { countStatements } from "./support/statements.ts";
import { db } from "../src/db.ts";

async function metrics(): Promise<string> {
  const response = await fetchYoga("/metrics");
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
    expect(statements).toBe(2);
    expect(after - before).toBe(statements);
  });

  it("counts requests by operation name and outcome and times them", async () => {
    await graphql(`query ArticleTitle { article(slug: "the-therapeutic-relationship") { title } }`);
    await graphql(`query Broken { articles(first: 1000) { nodes { id } } }`);
    await graphql(`query Invalid { nope }`);
    const text = await metrics();
    expect(sample(text, 'lantern_graphql_requests_total{operation="ArticleTitle",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lantern_graphql_requests_total{operation="Broken",outcome="error"}')).toBe(1);
    expect(sample(text, 'lantern_graphql_requests_total{operation="Invalid",outcome="invalid"}')).toBe(1);
    expect(text).toContain('lantern_graphql_request_duration_seconds_bucket{le="0.01",operation="ArticleTitle"}');
  });
});
