import { describe, expect, it } from "vitest";
import { db } from "../src/db/client.ts";
import { graphql } from "./support/graphql.ts";
import { countStatements } from "./support/statements.ts";
import { CONSENT_TEXT, SUBSCRIBE, formsWithMail, solvedProof } from "./support/forms.ts";
import { unique } from "./support/fixtures.ts";

// Timing is not measured here: what makes it differ is different work, so the test counts the
// SQL statements each state sends before the answer.
const { sink, clock, server, worker } = formsWithMail({ FORMS_RATE_LIMIT_PER_IP: "100000", FORMS_RATE_LIMIT_PER_ADDRESS: "100000" });

const address = () => `reader-${unique()}@example.org`;

/** Subscribes `email` and returns the answer and how many SQL statements the call sent. */
async function subscribe(email: string) {
  const proof = await solvedProof(server().yoga);
  const { statements, result } = await countStatements(() =>
    graphql(SUBSCRIBE, { input: { email, source: "sidebar", consentText: CONSENT_TEXT, proof } }, {}, server().yoga),
  );
  return { statements, text: result.text };
}

describe("subscribe does the same work for every state of an address", () => {
  it("new, pending, pending and due again, confirmed and unsubscribed send the same statements and answers", async () => {
    const email = address();
    const calls: Record<string, { statements: number; text: string }> = {};
    calls.new = await subscribe(email);
    calls.pending = await subscribe(email);
    clock.advance(11 * 60_000);
    calls["pending, due again"] = await subscribe(email);
    await db().subscriber.update({ where: { email }, data: { status: "CONFIRMED" } });
    calls.confirmed = await subscribe(email);
    await db().subscriber.update({ where: { email }, data: { status: "UNSUBSCRIBED" } });
    calls.unsubscribed = await subscribe(email);

    const counts = Object.fromEntries(Object.entries(calls).map(([state, call]) => [state, call.statements]));
    expect(new Set(Object.values(counts)).size, JSON.stringify(counts)).toBe(1);
    expect(new Set(Object.values(calls).map((call) => call.text)).size).toBe(1);
    expect(counts.new).toBeGreaterThan(0);
  });

  it("where no mail is due, nothing stays written: no consent record, no mail, the row as it was", async () => {
    const email = address();
    await subscribe(email);
    await worker().drain();
    expect(sink.to(email)).toHaveLength(1);
    await db().subscriber.update({ where: { email }, data: { status: "CONFIRMED", confirmTokenHash: null, confirmTokenExpiresAt: null } });
    const before = await db().subscriber.findUniqueOrThrow({ where: { email }, include: { consents: true } });

    await subscribe(email); // confirmed
    clock.advance(60 * 60_000);
    await subscribe(email); // confirmed, long after the last mail
    expect(await db().subscriber.findUniqueOrThrow({ where: { email }, include: { consents: true } })).toEqual(before);
    expect(await worker().drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sink.to(email)).toHaveLength(1);

    // An unsubscribed address is due again: a new consent record and a mail.
    await db().subscriber.update({ where: { email }, data: { status: "UNSUBSCRIBED" } });
    await subscribe(email);
    const after = await db().subscriber.findUniqueOrThrow({ where: { email }, include: { consents: true } });
    expect(after.status).toBe("PENDING");
    expect(after.consents).toHaveLength(2);
    await worker().drain();
    expect(sink.to(email)).toHaveLength(2);
  });
});
