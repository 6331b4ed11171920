import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { solveChallenge } from "altcha-lib";
import { db, writeDb } from "../src/db/client.ts";
import { DeliveryWorker } from "../src/mail/delivery-worker.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { errorCodes, fetchYoga, graphql } from "./support/graphql.ts";
import { SmtpSink, header } from "./support/smtp-sink.ts";
import { CONSENT_TEXT, SUBSCRIBE, formSettings, formsServer, manualClock, solvedProof } from "./support/forms.ts";
import { unique } from "./support/fixtures.ts";

const sink = new SmtpSink();
const clock = manualClock();
let server: ReturnType<typeof formsServer>;
let worker: DeliveryWorker;

beforeAll(async () => {
  await sink.start();
  const settings = formSettings(sink.url, { FORMS_RATE_LIMIT_PER_IP: "100000", FORMS_RATE_LIMIT_PER_ADDRESS: "100000" });
  server = formsServer(settings, clock);
  worker = new DeliveryWorker({ prisma: writeDb(), transport: smtpTransport(sink.url), from: settings.MAIL_FROM, clock });
});

afterAll(async () => {
  await worker.stop();
  await sink.stop();
});

async function subscribeAs(email: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const proof = await solvedProof(server.yoga);
  return graphql(SUBSCRIBE, { input: { email, source: "sidebar", consentText: CONSENT_TEXT, proof, ...extra } }, headers, server.yoga);
}

const address = () => `reader-${unique()}@example.org`;

function linkFrom(text: string, path: string): URL {
  const match = new RegExp(`https://news\\.example\\.org${path}\\?token=[^\\s]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return new URL(match[0]);
}

describe("subscribe", () => {
  it("stores the normalized address once, with a consent record, and mails one confirmation with the list headers", async () => {
    const local = `Reader-${unique()}`;
    const response = await subscribeAs(`  ${local}@Example.ORG `, { "x-forwarded-for": "203.0.113.7", "user-agent": "TestBrowser/1.0" });
    expect(response.body).toEqual({ data: { subscribe: { ok: true, message: expect.any(String) } } });
    const email = `${local.toLowerCase()}@example.org`;
    const subscriber = await db().subscriber.findUniqueOrThrow({ where: { email }, include: { consents: true } });
    expect(subscriber.status).toBe("PENDING");
    expect(subscriber.consents).toEqual([
      expect.objectContaining({ source: "sidebar", text: CONSENT_TEXT, ip: "203.0.113.7", userAgent: "TestBrowser/1.0", at: clock.now(), version: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) }),
    ]);

    expect(await worker.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mails = sink.to(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.parsed;
    expect(mail.from?.text).toBe('"Anxiety Relief Project" <newsletter@example.org>');
    expect(mail.to && !Array.isArray(mail.to) && mail.to.text).toBe(email);
    expect(mail.subject).toMatch(/^Confirm your subscription to /);
    expect(mail.messageId).toMatch(/@example\.org>?$/);
    const unsubscribeLink = linkFrom(mail.text!, "/subscription/unsubscribe");
    expect(header(mails[0]!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(mails[0]!, "List-Unsubscribe")).toBe(`<${unsubscribeLink.href}>`);
    expect(mail.text).toContain("Unsubscribe: https://");
    const confirmLink = linkFrom(mail.text!, "/subscription/confirm");
    expect(mail.html).toContain(confirmLink.href.replace(/&/g, "&amp;"));

    // The token travels only in the mail: the database holds its SHA-256.
    const token = confirmLink.searchParams.get("token")!;
    expect(subscriber.confirmTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(subscriber)).not.toContain(token);
    // The sent mail's body, which held it, is gone from the outbox.
    expect(JSON.stringify(await db().outboxMail.findMany())).not.toContain(token);
  });

  it("answers byte for byte the same for new, pending, confirmed and unsubscribed addresses", async () => {
    const email = address();
    const answers: string[] = [];
    answers.push((await subscribeAs(email)).text); // new
    answers.push((await subscribeAs(email)).text); // pending
    await db().subscriber.update({ where: { email }, data: { status: "CONFIRMED" } });
    answers.push((await subscribeAs(email)).text); // confirmed
    await db().subscriber.update({ where: { email }, data: { status: "UNSUBSCRIBED" } });
    answers.push((await subscribeAs(email)).text); // unsubscribed
    answers.push((await subscribeAs(address())).text); // another new one
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!).data.subscribe.ok).toBe(true);
  });

  it("200 concurrent calls for one address make one row, one consent record and one mail", async () => {
    const email = address();
    const proofs = await Promise.all(Array.from({ length: 200 }, () => solvedProof(server.yoga)));
    const responses = await Promise.all(
      proofs.map((proof, i) =>
        graphql(SUBSCRIBE, { input: { email: i % 2 ? email : email.toUpperCase(), source: "sidebar", consentText: CONSENT_TEXT, proof } }, {}, server.yoga),
      ),
    );
    expect(new Set(responses.map((response) => response.text)).size).toBe(1);
    expect(responses[0]!.body.data.subscribe.ok).toBe(true);
    expect(await db().subscriber.count({ where: { email } })).toBe(1);
    expect(await db().consentRecord.count({ where: { subscriber: { email } } })).toBe(1);
    await worker.drain();
    expect(sink.to(email)).toHaveLength(1);
  });

  it("sends a pending address another confirmation only after 10 minutes", async () => {
    const email = address();
    await subscribeAs(email);
    clock.advance(9 * 60_000);
    await subscribeAs(email);
    await worker.drain();
    expect(sink.to(email)).toHaveLength(1);
    clock.advance(2 * 60_000);
    await subscribeAs(email);
    await worker.drain();
    expect(sink.to(email)).toHaveLength(2);
  });
});

describe("confirmation", () => {
  async function confirmationLink(email: string): Promise<URL> {
    await subscribeAs(email);
    await worker.drain();
    return linkFrom(sink.to(email).at(-1)!.parsed.text!, "/subscription/confirm");
  }

  it("a GET on the link shows a button and confirms nothing; its POST confirms once", async () => {
    const email = address();
    const link = await confirmationLink(email);
    const page = await fetchYoga(link.pathname + link.search, {}, server.yoga);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/subscription/confirm">');
    expect(html).toContain(`value="${link.searchParams.get("token")}"`);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    // Scanners also send HEAD and repeat GETs.
    await fetchYoga(link.pathname + link.search, { method: "HEAD" }, server.yoga);
    await fetchYoga(link.pathname + link.search, {}, server.yoga);
    expect((await db().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("PENDING");

    const post = () =>
      fetchYoga("/subscription/confirm", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: link.searchParams.get("token")! }).toString(),
      }, server.yoga);
    const confirmed = await post();
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Your subscription is confirmed");
    const subscriber = await db().subscriber.findUniqueOrThrow({ where: { email } });
    expect(subscriber).toMatchObject({ status: "CONFIRMED", confirmedAt: clock.now(), confirmTokenHash: null });
    const again = await post();
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("invalid, expired or already used");
  });

  it("confirmSubscription works once; an expired token does not", async () => {
    const token = (await confirmationLink(address())).searchParams.get("token")!;
    const confirm = `mutation ($token: String!) { confirmSubscription(token: $token) { ok message } }`;
    expect((await graphql(confirm, { token }, {}, server.yoga)).body.data.confirmSubscription.ok).toBe(true);
    const reused = await graphql(confirm, { token }, {}, server.yoga);
    expect(errorCodes(reused)).toEqual(["BAD_USER_INPUT"]);

    const expiring = (await confirmationLink(address())).searchParams.get("token")!;
    clock.advance(48 * 3_600_000 + 1000);
    expect(errorCodes(await graphql(confirm, { token: expiring }, {}, server.yoga))).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes(await graphql(confirm, { token: "x".repeat(500) }, {}, server.yoga))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("trusted documents", () => {
  it("with TRUSTED_DOCUMENTS=anonymous, forms work through their registered operations", async () => {
    const registry = JSON.parse(readFileSync("persisted-operations.json", "utf8")) as Record<string, string>;
    const hashOf = (start: string) => Object.entries(registry).find(([, text]) => text.startsWith(start))![0];
    const trusted = formsServer(formSettings(sink.url, { TRUSTED_DOCUMENTS: "anonymous" }), clock);
    const call = async (start: string, variables: Record<string, unknown>) => {
      const response = await fetchYoga("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ documentId: `sha256:${hashOf(start)}`, variables }),
      }, trusted.yoga);
      return response.json();
    };
    const challenge = (await call("query FormChallenge", {})).data.formChallenge;
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxNumber).promise;
    const proof = Buffer.from(JSON.stringify({ ...challenge, maxNumber: undefined, number: solution!.number })).toString("base64");
    const email = address();
    const answer = await call("mutation Subscribe", { input: { email, source: "widget", consentText: CONSENT_TEXT, proof } });
    expect(answer).toEqual({ data: { subscribe: { ok: true, message: expect.any(String) } } });
    expect(await db().subscriber.count({ where: { email } })).toBe(1);
  });
});

describe("the link pages", () => {
  it("refuse other methods and oversized bodies without reading them", async () => {
    expect((await fetchYoga("/subscription/confirm", { method: "PUT" }, server.yoga)).status).toBe(405);
    const big = new ReadableStream({
      start(controller) {
        // Over the form's 4 KiB, under MAX_BODY_BYTES (past which every route answers 413).
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(`token=${"x".repeat(1000)}&`));
        controller.close();
      },
    });
    const response = await fetchYoga("/subscription/confirm", { method: "POST", body: big, duplex: "half" } as RequestInit, server.yoga);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("must not be empty");
  });
});

describe("unsubscribe", () => {
  it("the List-Unsubscribe URL takes an RFC 8058 one-click POST with 200", async () => {
    const email = address();
    await subscribeAs(email);
    await worker.drain();
    const url = new URL(/^<(https:[^>]+)>$/.exec(header(sink.to(email)[0]!, "List-Unsubscribe")!)![1]!);
    const response = await fetchYoga(url.pathname + url.search, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }, server.yoga);
    expect(response.status).toBe(200);
    expect((await db().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("UNSUBSCRIBED");
    // Again (mail clients retry): still 200.
    const again = await fetchYoga(url.pathname + url.search, { method: "POST", body: "List-Unsubscribe=One-Click" }, server.yoga);
    expect(again.status).toBe(200);
    // A GET shows a button and changes nothing.
    await db().subscriber.update({ where: { email }, data: { status: "CONFIRMED" } });
    const page = await fetchYoga(url.pathname + url.search, {}, server.yoga);
    expect(await page.text()).toContain('<form method="post" action="/subscription/unsubscribe">');
    expect((await db().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("CONFIRMED");
  });

  it("unsubscribe(token) refuses forged tokens", async () => {
    const email = address();
    await subscribeAs(email);
    await worker.drain();
    const link = linkFrom(sink.to(email)[0]!.parsed.text!, "/subscription/unsubscribe");
    const token = link.searchParams.get("token")!;
    const [id] = token.split(".");
    const unsubscribe = `mutation ($token: String!) { unsubscribe(token: $token) { ok } }`;
    const forged = `${Number(id) + 1}.${token.split(".")[1]}`;
    expect(errorCodes(await graphql(unsubscribe, { token: forged }, {}, server.yoga))).toEqual(["BAD_USER_INPUT"]);
    expect((await graphql(unsubscribe, { token }, {}, server.yoga)).body.data.unsubscribe.ok).toBe(true);
    expect((await db().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("UNSUBSCRIBED");
  });
});
