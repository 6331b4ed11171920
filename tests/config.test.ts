import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/platform/settings.ts";

describe("configuration", () => {
  it("has working defaults", () => {
    expect(parseConfig({})).toMatchObject({ PORT: 4000, DATABASE_URL: "file:./data/lantern.db", NODE_ENV: "development" });
  });

  it("takes a PostgreSQL URL", () => {
    expect(parseConfig({ DATABASE_URL: "postgresql://lantern@db.internal:5432/lantern" }).DATABASE_URL).toBe("postgresql://lantern@db.internal:5432/lantern");
  });

  it("turns GraphiQL and introspection off in production unless asked for", () => {
    expect(parseConfig({})).toMatchObject({ GRAPHIQL: true, INTROSPECTION: true });
    expect(parseConfig({ NODE_ENV: "production" })).toMatchObject({ GRAPHIQL: false, INTROSPECTION: false });
    expect(parseConfig({ NODE_ENV: "production", INTROSPECTION: "on" })).toMatchObject({ GRAPHIQL: false, INTROSPECTION: true });
    expect(parseConfig({ CORS_ORIGINS: "https://a.example, https://b.example" }).CORS_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ MAX_DEPTH: "0" }, "MAX_DEPTH"],
    [{ INTROSPECTION: "maybe" }, "INTROSPECTION"],
    [{ TRUSTED_DOCUMENTS: "all" }, "TRUSTED_DOCUMENTS"],
    [{ REQUEST_TIMEOUT_MS: "5000" }, "REQUEST_TIMEOUT_MS"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
  ])("refuses %j with one line naming %s", (env, name) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).not.toContain("\n");
  });
});
