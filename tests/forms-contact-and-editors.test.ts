import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, writeDb } from "../src/db/client.ts";
import { DeliveryWorker } from "../src/mail/delivery-worker.ts";
import { smtpTransport } from "../src/mail/transport.ts";
import { LEAKS, errorCodes, fetchYoga, graphql } from "./support/graphql.ts";
import { SmtpSink, header } from "./support/smtp-sink.ts";
import { CONSENT_TEXT, CONTACT, SUBSCRIBE, formSettings, formsServer, manualClock, solvedProof } from "./support/forms.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { unique } from "./support/fixtures.ts";

const sink = new SmtpSink();
const clock = manualClock();
let server: ReturnType<typeof formsServer>;
let worker: DeliveryWorker;
let editor: Record<string, string>;

beforeAll(async () => {
  await sink.start();
  const settings = formSettings(sink.url);
  server = formsServer(settings, clock);
  worker = new DeliveryWorker({ prisma: writeDb(), transport: smtpTransport(sink.url), from: settings.MAIL_FROM, clock });
  editor = await tokenHeaders("editor");
});

afterAll(async () => {
  await worker.stop();
  await sink.stop();
});

async function contact(input: Record<string, string>, headers: Record<string, string> = {}) {
  return graphql(CONTACT, { input: { ...input, proof: await solvedProof(server.yoga) } }, headers, server.yoga);
}

async function subscribe(email: string, headers: Record<string, string> = {}) {
  const proof = await solvedProof(server.yoga);
  return graphql(SUBSCRIBE, { input: { email, source: "footer", consentText: CONSENT_TEXT, proof } }, headers, server.yoga);
}

describe("sendContactMessage", () => {
  it("stores the message and delivers it once to CONTACT_EMAIL with Reply-To set to the sender", async () => {
    const email = `jane-${unique()}@example.net`;
    const response = await contact(
      { name: "Jane Doe", email: email.toUpperCase(), subject: "A question about anxiety", message: "Hello,\n\nis <therapy> right for me?\n\nJane" },
      { "x-forwarded-for": "203.0.113.9", "user-agent": "TestBrowser/2.0" },
    );
    expect(response.body).toEqual({ data: { sendContactMessage: { ok: true, message: expect.any(String) } } });
    expect(await db().contactMessage.findFirstOrThrow({ where: { email } })).toMatchObject({
      name: "Jane Doe", subject: "A question about anxiety", ip: "203.0.113.9", userAgent: "TestBrowser/2.0", handledAt: null,
    });

    expect((await worker.drain()).sent).toBe(1);
    expect(await worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const mails = sink.to("editors@example.org");
    expect(mails).toHaveLength(1);
    expect(sink.to(email)).toHaveLength(0); // the sender gets nothing
    const mail = mails[0]!;
    expect(mail.parsed.replyTo?.value).toEqual([{ name: "Jane Doe", address: email }]);
    expect(mail.parsed.from?.value).toEqual([{ name: "Anxiety Relief Project", address: "newsletter@example.org" }]);
    expect(mail.parsed.subject).toBe("Contact form: A question about anxiety");
    expect(mail.parsed.text).toContain("is <therapy> right for me?");
    expect(mail.parsed.html).toContain("is &lt;therapy&gt; right for me?");
    expect(header(mail, "List-Unsubscribe")).toBeUndefined();
  });
});

describe("editors", () => {
  it("list contact messages newest first and mark them handled", async () => {
    await contact({ name: "First", email: `a-${unique()}@example.net`, subject: "One", message: "1" });
    await contact({ name: "Second", email: `b-${unique()}@example.net`, subject: "Two", message: "2" });
    const list = `query ($handled: Boolean) { contactMessages(first: 2, handled: $handled) { totalCount nodes { id name subject handledAt } } }`;
    const open = await graphql(list, { handled: false }, editor, server.yoga);
    expect(open.body.data.contactMessages.nodes.map((m: { name: string }) => m.name)).toEqual(["Second", "First"]);

    const id = open.body.data.contactMessages.nodes[0].id;
    const mark = `mutation ($id: ID!, $handled: Boolean) { markContactMessageHandled(id: $id, handled: $handled) { id handledAt } }`;
    const marked = await graphql(mark, { id }, editor, server.yoga);
    expect(marked.body.data.markContactMessageHandled.handledAt).toBeTruthy();
    const handled = await graphql(list, { handled: true }, editor, server.yoga);
    expect(handled.body.data.contactMessages.nodes.map((m: { id: string }) => m.id)).toContain(id);
    expect((await graphql(mark, { id, handled: false }, editor, server.yoga)).body.data.markContactMessageHandled.handledAt).toBeNull();
    expect(errorCodes(await graphql(mark, { id: "99999999" }, editor, server.yoga))).toEqual(["NOT_FOUND"]);
    expect(errorCodes(await graphql(mark, { id: "abc" }, editor, server.yoga))).toEqual(["NOT_FOUND"]);
  });

  it("page through subscribers and contact messages by cursor, forwards and backwards", async () => {
    const tag = unique();
    for (let i = 0; i < 5; i++) {
      await db().subscriber.create({ data: { email: `page-${tag}-${i}@example.org`, status: "CONFIRMED" } });
      await db().contactMessage.create({ data: { name: `Page ${tag} ${i}`, email: "p@example.org", subject: "S", message: "M" } });
    }
    const all = await graphql(`{ subscribers(first: 100, status: CONFIRMED) { totalCount edges { cursor node { email } } } }`, {}, editor, server.yoga);
    const edges = all.body.data.subscribers.edges.filter((edge: { node: { email: string } }) => edge.node.email.includes(tag));
    expect(edges.map((edge: { node: { email: string } }) => edge.node.email)).toEqual([0, 1, 2, 3, 4].map((i) => `page-${tag}-${i}@example.org`));
    const page = `query ($after: String, $before: String, $first: Int, $last: Int) {
      subscribers(first: $first, last: $last, after: $after, before: $before, status: CONFIRMED) {
        nodes { email } pageInfo { hasNextPage hasPreviousPage }
      }
    }`;
    const forward = await graphql(page, { first: 2, after: edges[0].cursor }, editor, server.yoga);
    expect(forward.body.data.subscribers.nodes.map((n: { email: string }) => n.email)).toEqual([1, 2].map((i) => `page-${tag}-${i}@example.org`));
    expect(forward.body.data.subscribers.pageInfo.hasNextPage).toBe(true);
    const backward = await graphql(page, { last: 2, before: edges[4].cursor }, editor, server.yoga);
    expect(backward.body.data.subscribers.nodes.map((n: { email: string }) => n.email)).toEqual([2, 3].map((i) => `page-${tag}-${i}@example.org`));
    expect(backward.body.data.subscribers.pageInfo.hasPreviousPage).toBe(true);

    const messages = await graphql(`{ contactMessages(first: 2) { totalCount nodes { name } pageInfo { endCursor } } }`, {}, editor, server.yoga);
    expect(messages.body.data.contactMessages.nodes.map((n: { name: string }) => n.name)).toEqual([`Page ${tag} 4`, `Page ${tag} 3`]);
    const next = await graphql(`query ($after: String) { contactMessages(first: 2, after: $after) { nodes { name } } }`, { after: messages.body.data.contactMessages.pageInfo.endCursor }, editor, server.yoga);
    expect(next.body.data.contactMessages.nodes.map((n: { name: string }) => n.name)).toEqual([`Page ${tag} 2`, `Page ${tag} 1`]);
    // A cursor of the other list is refused.
    const crossed = await graphql(`query ($after: String) { subscribers(first: 2, after: $after) { nodes { email } } }`, { after: messages.body.data.contactMessages.pageInfo.endCursor }, editor, server.yoga);
    expect(errorCodes(crossed)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes(await graphql(`{ subscribers(first: 101) { nodes { email } } }`, {}, editor, server.yoga))).toEqual(["BAD_USER_INPUT"]);
  });

  it("anonymous callers cannot read subscribers or contact messages, nor export or erase", async () => {
    for (const query of [
      "{ subscribers(first: 1) { nodes { email } } }",
      "{ contactMessages(first: 1) { nodes { email } } }",
      'mutation { eraseSubscriber(email: "a@example.org") { erased } }',
      'mutation { markContactMessageHandled(id: "1") { id } }',
    ]) {
      const response = await graphql(query, {}, {}, server.yoga);
      expect(errorCodes(response)).toEqual(["UNAUTHENTICATED"]);
      expect(response.body.data ?? null).toBeNull();
    }
    const csv = await fetchYoga("/forms/subscribers.csv", {}, server.yoga);
    expect(csv.status).toBe(401);
  });

  it("list subscribers with their consent and export them as CSV", async () => {
    const email = `csv-${unique()}@example.org`;
    await subscribe(email, { "x-forwarded-for": "198.51.100.4", "user-agent": 'Agent, "quoted"' });
    const response = await graphql(
      `query { subscribers(first: 100, status: PENDING) { nodes { email status confirmedAt consent { text version ip userAgent at source } } } }`,
      {}, editor, server.yoga,
    );
    const subscriber = response.body.data.subscribers.nodes.find((node: { email: string }) => node.email === email);
    expect(subscriber).toEqual({
      email, status: "PENDING", confirmedAt: null,
      consent: { text: CONSENT_TEXT, version: expect.stringMatching(/^sha256:/), ip: "198.51.100.4", userAgent: 'Agent, "quoted"', at: clock.now().toISOString(), source: "footer" },
    });

    await subscribe(`=cmd-${unique()}@example.org`);
    const csv = await fetchYoga("/forms/subscribers.csv", { headers: editor }, server.yoga);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("email,status,subscribed_at,confirmed_at,unsubscribed_at,consent_at,consent_source,consent_version,consent_text,consent_ip,consent_user_agent");
    const line = lines.find((l) => l.startsWith(email))!;
    expect(line).toContain(`,footer,`);
    expect(line).toContain(`,198.51.100.4,"Agent, ""quoted"""`);
    // A cell a spreadsheet would run as a formula is defused.
    expect(text).toMatch(/^'=cmd-/m);
  });

  it("erase an address: subscriber, consent, contact messages and queued mail go; the erasure is recorded without it", async () => {
    const email = `erase-${unique()}@example.org`;
    await subscribe(email);
    await contact({ name: "To Erase", email, subject: "Hi", message: "Please forget me" });
    const erase = `mutation ($email: String!) { eraseSubscriber(email: $email) { erased } }`;
    expect((await graphql(erase, { email: ` ${email.toUpperCase()} ` }, editor, server.yoga)).body.data.eraseSubscriber.erased).toBe(true);

    expect(await db().subscriber.count({ where: { email } })).toBe(0);
    expect(await db().contactMessage.count({ where: { email } })).toBe(0);
    expect(await db().outboxMail.count({ where: { toAddress: email } })).toBe(0);
    const erasure = await db().subscriberErasure.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(erasure).toMatchObject({ consents: 1, contactMessages: 1, erasedAt: clock.now() });
    expect(JSON.stringify(await db().subscriberErasure.findMany())).not.toContain("erase-");
    // The contact mail already queued to the editors held the address in Reply-To: it is gone too.
    expect(await db().outboxMail.count({ where: { OR: [{ replyTo: { contains: email } }, { text: { contains: email } }] } })).toBe(0);

    expect((await graphql(erase, { email }, editor, server.yoga)).body.data.eraseSubscriber.erased).toBe(false);
    const bad = await graphql(erase, { email: "nope" }, editor, server.yoga);
    expect(errorCodes(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(bad.text).not.toMatch(LEAKS);
  });
});
