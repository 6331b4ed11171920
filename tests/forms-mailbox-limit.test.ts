import { describe, expect, it } from "vitest";
import { mailboxOf } from "../src/forms/email-address.ts";
import { errorCodes, graphql } from "./support/graphql.ts";
import { CONSENT_TEXT, CONTACT, SUBSCRIBE, formsWithMail, solvedProof } from "./support/forms.ts";
import { unique } from "./support/fixtures.ts";

// The production limit per e-mail address (5), and room for many calls from one client.
const { sink, server, worker } = formsWithMail({ FORMS_RATE_LIMIT_PER_IP: "100000" });

async function subscribe(email: string): Promise<string | undefined> {
  const proof = await solvedProof(server().yoga);
  const response = await graphql(SUBSCRIBE, { input: { email, source: "sidebar", consentText: CONSENT_TEXT, proof } }, {}, server().yoga);
  return response.body.data?.subscribe?.ok ? "ok" : errorCodes(response)[0];
}

const mailsTo = (mailbox: string) => sink.received.filter((mail) => mail.envelopeTo.some((to) => mailboxOf(to) === mailbox));

describe("the limit per e-mail address counts one mailbox's sub-addresses together", () => {
  it("eight victim+N subscribes send no more confirmation mails than the limit", async () => {
    const victim = `victim-${unique()}`;
    const outcomes: (string | undefined)[] = [];
    for (let n = 1; n <= 8; n++) outcomes.push(await subscribe(`${victim}+${n}@example.org`));
    expect(outcomes).toEqual([...Array(5).fill("ok"), ...Array(3).fill("RATE_LIMITED")]);
    await worker().drain();
    expect(mailsTo(`${victim}@example.org`)).toHaveLength(5);
  });

  it("at Gmail, dots and case in the local part and googlemail.com name the same mailbox", async () => {
    const victim = `victim${unique().replace(/\W/g, "")}`;
    const dotted = victim.split("").join(".");
    const forms = [
      `${victim}@gmail.com`, `${dotted}@gmail.com`, `${victim.toUpperCase()}+a@GoogleMail.com`,
      `${dotted}+b@googlemail.com`, `${victim}+c@gmail.com`, `${dotted}+d@gmail.com`,
    ];
    const outcomes = [];
    for (const email of forms) outcomes.push(await subscribe(email));
    expect(outcomes).toEqual([...Array(5).fill("ok"), "RATE_LIMITED"]);
    await worker().drain();
    expect(mailsTo(`${victim.toLowerCase()}@gmail.com`)).toHaveLength(5);
  });

  it("the contact form counts against the same mailbox", async () => {
    const victim = `victim-${unique()}`;
    for (let n = 1; n <= 5; n++) expect(await subscribe(`${victim}+${n}@example.org`)).toBe("ok");
    const proof = await solvedProof(server().yoga);
    const contact = await graphql(CONTACT, {
      input: { name: "Jane", email: `${victim}+contact@example.org`, subject: "Hello", message: "Hi", proof },
    }, {}, server().yoga);
    expect(errorCodes(contact)).toEqual(["RATE_LIMITED"]);
  });
});

describe("mailboxOf", () => {
  it.each([
    ["jane+news@example.org", "jane@example.org"],
    ["j.ane@example.org", "j.ane@example.org"],
    ["j.a.n.e+x+y@gmail.com", "jane@gmail.com"],
    ["jane@googlemail.com", "jane@gmail.com"],
    ["+jane@example.org", "+jane@example.org"],
  ])("%s is the mailbox %s", (address, mailbox) => {
    expect(mailboxOf(address)).toBe(mailbox);
  });
});
