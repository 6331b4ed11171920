import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/platform/settings.ts";
import { graphql } from "./support/graphql.ts";
import { formsServer, manualClock } from "./support/forms.ts";

describe("forms and mail settings", () => {
  it.each([
    ["SMTP_URL", "http://mail.example.org"],
    ["SITE_URL", "ftp://example.org"],
    ["CONTACT_EMAIL", "not an address"],
    ["REDIS_URL", "http://127.0.0.1:6379"],
    ["FORMS_SECRET", "too short"],
    ["FORMS_RATE_LIMIT_PER_IP", "0"],
    ["ALTCHA_MAX_NUMBER", "5"],
  ])("a bad %s stops start-up with a line naming it", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it("SITE_URL defaults to localhost on PORT and loses a trailing slash", () => {
    expect(parseConfig({ PORT: "4567" }).SITE_URL).toBe("http://localhost:4567");
    expect(parseConfig({ SITE_URL: "https://www.example.org/" }).SITE_URL).toBe("https://www.example.org");
  });

  it("by default a challenge takes a million SHA-256 hashes on average (npm run bench:proof-of-work times them)", async () => {
    const production = { ...process.env, NODE_ENV: "production", FORMS_SECRET: "test-secret-test-secret-test-secret-0123", ALTCHA_MAX_NUMBER: undefined };
    const server = formsServer(parseConfig(production), manualClock());
    const response = await graphql("{ formChallenge { maxNumber } }", {}, {}, server.yoga);
    // A solution is a uniformly random number up to maxNumber: a solver tries half of them on average.
    expect(response.body.data.formChallenge.maxNumber / 2).toBeGreaterThanOrEqual(1_000_000);
  });
});
