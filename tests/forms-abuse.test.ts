import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "../src/db/client.ts";
import { RedisStore } from "../src/forms/shared-store.ts";
import { errorCodes, graphql } from "./support/graphql.ts";
import { CONSENT_TEXT, CONTACT, SUBSCRIBE, formSettings, formsServer, manualClock, solvedProof } from "./support/forms.ts";
import { unique } from "./support/fixtures.ts";

const address = () => `reader-${unique()}@example.org`;

function subscribeWith(server: ReturnType<typeof formsServer>, input: Record<string, unknown>, headers: Record<string, string> = {}) {
  return graphql(SUBSCRIBE, { input: { source: "sidebar", consentText: CONSENT_TEXT, ...input } }, headers, server.yoga);
}

describe("honeypot and proof of work", () => {
  const clock = manualClock();
  const server = formsServer(formSettings(undefined), clock);

  it("a filled-in honeypot gets the usual answer and stores nothing", async () => {
    const email = address();
    const honest = await subscribeWith(server, { email: address(), proof: await solvedProof(server.yoga) });
    const bot = await subscribeWith(server, { email, proof: await solvedProof(server.yoga), website: "https://spam.example" });
    expect(bot.text).toBe(honest.text);
    expect(await db().subscriber.count({ where: { email } })).toBe(0);

    const contact = await graphql(CONTACT, {
      input: { name: "Bot", email, subject: "Hi", message: "Buy now", proof: await solvedProof(server.yoga), website: "x" },
    }, {}, server.yoga);
    expect(contact.body.data.sendContactMessage.ok).toBe(true);
    expect(await db().contactMessage.count({ where: { email } })).toBe(0);
  });

  it("refuses a missing, wrong, reused or expired proof with BAD_USER_INPUT on input.proof", async () => {
    const refused = async (proof: string) => {
      const response = await subscribeWith(server, { email: address(), proof });
      expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
      expect(response.body.errors![0]!.extensions!.field).toBe("input.proof");
    };
    await refused("");
    await refused("not base64 json");
    const proof = await solvedProof(server.yoga);
    const payload = JSON.parse(Buffer.from(proof, "base64").toString());
    await refused(Buffer.from(JSON.stringify({ ...payload, number: payload.number + 1 })).toString("base64"));
    await refused(Buffer.from(JSON.stringify({ ...payload, signature: "0".repeat(64) })).toString("base64"));

    expect((await subscribeWith(server, { email: address(), proof })).body.data.subscribe.ok).toBe(true);
    await refused(proof); // used once already

    const late = await solvedProof(server.yoga);
    clock.advance(10 * 60_000 + 1000);
    await refused(late);
  });

  it("a challenge signed with another secret is refused", async () => {
    const other = formsServer(formSettings(undefined, { FORMS_SECRET: "another-secret-another-secret-0123456789" }), clock);
    const response = await subscribeWith(server, { email: address(), proof: await solvedProof(other.yoga) });
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("input checks", () => {
  const server = formsServer(formSettings(undefined), manualClock());

  it.each([
    ["email", { email: "not an address" }],
    ["email", { email: `${"a".repeat(250)}@example.org` }],
    ["source", { source: "" }],
    ["source", { source: "x".repeat(101) }],
    ["consentText", { consentText: "x".repeat(2001) }],
    ["proof", { proof: "x".repeat(2001) }],
  ])("refuses a bad %s with BAD_USER_INPUT naming the field", async (field, bad) => {
    const response = await subscribeWith(server, { email: address(), proof: "unused", ...bad });
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
    expect(response.body.errors![0]!.extensions!.field).toBe(`input.${field}`);
  });

  it.each([
    ["name", { name: "Eve\r\nBcc: victim@example.org" }],
    ["name", { name: "x".repeat(101) }],
    ["subject", { subject: "Hi\nthere" }],
    ["message", { message: "x".repeat(5001) }],
    ["message", { message: "   " }],
  ])("refuses a bad contact %s", async (field, bad) => {
    const response = await graphql(CONTACT, {
      input: { name: "Jane", email: address(), subject: "Hello", message: "Hi", proof: "unused", ...bad },
    }, {}, server.yoga);
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
    expect(response.body.errors![0]!.extensions!.field).toBe(`input.${field}`);
  });

  it("refuses text that is not valid Unicode", async () => {
    const response = await graphql(CONTACT, {
      input: { name: "Jane", email: address(), subject: "Hello", message: "a lone surrogate \uD800 is not text", proof: "unused" },
    }, {}, server.yoga);
    expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses addresses of disposable mailbox services", async () => {
    for (const email of ["someone@mailinator.com", "someone@eu.mailinator.com"]) {
      const response = await subscribeWith(server, { email, proof: await solvedProof(server.yoga) });
      expect(errorCodes(response)).toEqual(["BAD_USER_INPUT"]);
      expect(response.body.errors![0]!.extensions!.field).toBe("input.email");
    }
  });
});

describe.each([
  ["in memory", () => undefined],
  ["in Redis", () => new RedisStore("redis://127.0.0.1:6379", `lantern-test:${randomUUID()}:`)],
])("rate limits %s", (_name, makeStore) => {
  const clock = manualClock("2026-11-26T12:00:00Z");
  const store = makeStore();
  const settings = formSettings(undefined, { FORMS_RATE_LIMIT_PER_IP: "3", FORMS_RATE_LIMIT_PER_ADDRESS: "2", FORMS_RATE_LIMIT_WINDOW_SECONDS: "3600" });
  // Two servers on one store: two instances sharing Redis (in memory, one instance twice).
  const first = formsServer(settings, clock, store);
  const second = store ? formsServer(settings, clock, store) : first;

  afterAll(() => store?.close());

  it("limits one e-mail address across client addresses, with RATE_LIMITED and retryAfter", async () => {
    const email = address();
    const ip = () => ({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` });
    expect((await subscribeWith(first, { email, proof: await solvedProof(first.yoga) }, ip())).body.data.subscribe.ok).toBe(true);
    expect((await subscribeWith(second, { email, proof: await solvedProof(second.yoga) }, ip())).body.data.subscribe.ok).toBe(true);
    clock.advance(60_000);
    const limited = await subscribeWith(first, { email, proof: await solvedProof(first.yoga) }, ip());
    expect(errorCodes(limited)).toEqual(["RATE_LIMITED"]);
    expect(limited.body.errors![0]!.extensions!.retryAfter).toBe(3540);
    clock.advance(3540_000);
    expect((await subscribeWith(second, { email, proof: await solvedProof(second.yoga) }, ip())).body.data.subscribe.ok).toBe(true);
  });

  it("limits one client address across e-mail addresses and both forms", async () => {
    const ip = { "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` };
    for (let i = 0; i < 2; i++) {
      expect((await subscribeWith(i ? second : first, { email: address(), proof: await solvedProof(first.yoga) }, ip)).body.data).toBeTruthy();
    }
    const contact = await graphql(CONTACT, {
      input: { name: "Jane", email: address(), subject: "Hello", message: "Hi", proof: await solvedProof(second.yoga) },
    }, ip, second.yoga);
    expect(contact.body.data.sendContactMessage.ok).toBe(true);
    const limited = await subscribeWith(first, { email: address(), proof: await solvedProof(first.yoga) }, ip);
    expect(errorCodes(limited)).toEqual(["RATE_LIMITED"]);
    expect(limited.body.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
  });
});
