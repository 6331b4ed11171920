import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { solveChallenge } from "altcha-lib";
import { startServerProcess, type ServerProcess } from "./support/server-process.ts";
import { postGraphql } from "./support/graphql-client.ts";
import { SmtpSink, header } from "./support/smtp-sink.ts";
import { onPostgres } from "./support/database.ts";
import { sqliteFilePath } from "../src/db/client.ts";

// The forms as `npm start` runs them: the server process starts a delivery worker that sends
// a queued mail at once, and stops it on SIGTERM. (The process starts from a copy of the SQLite
// template; on PostgreSQL the other forms tests cover the same code.)

const sink = new SmtpSink();
let server: ServerProcess;

beforeAll(async () => {
  if (onPostgres) return;
  await sink.start();
  server = await startServerProcess({
    templateDatabase: sqliteFilePath(inject("templateDatabaseUrl")),
    env: {
      NODE_ENV: "production",
      SMTP_URL: sink.url,
      MAIL_FROM: "Lantern <news@example.org>",
      CONTACT_EMAIL: "editors@example.org",
      SITE_URL: "https://news.example.org",
      FORMS_SECRET: "server-test-secret-server-test-secret-01",
      ALTCHA_MAX_NUMBER: "100",
      MAIL_POLL_INTERVAL_MS: "600000", // only the nudge after queuing can send in time
    },
  });
}, 60_000);

afterAll(async () => {
  if (onPostgres) return;
  server.child.kill("SIGTERM");
  await server.exited;
  await sink.stop();
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  return (await postGraphql(server.url, query, variables)).body;
}

async function proof(): Promise<string> {
  const challenge = (await gql("{ formChallenge { algorithm challenge maxNumber salt signature } }")).data.formChallenge;
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxNumber).promise;
  return Buffer.from(JSON.stringify({ ...challenge, maxNumber: undefined, number: solution!.number })).toString("base64");
}

describe.skipIf(onPostgres)("the server process", () => {
  it("sends the confirmation and contact mails as soon as they are queued", async () => {
    const subscribed = await gql(`mutation ($p: String!) { subscribe(input: { email: "process@example.org", source: "sidebar", consentText: "Yes", proof: $p }) { ok } }`, { p: await proof() });
    expect(subscribed).toEqual({ data: { subscribe: { ok: true } } });
    await sink.untilReceived(1);
    expect(sink.to("process@example.org")).toHaveLength(1);
    expect(header(sink.received[0]!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    const contacted = await gql(
      `mutation ($p: String!) { sendContactMessage(input: { name: "Jo", email: "jo@example.org", subject: "Hi", message: "Hello", proof: $p }) { ok } }`,
      { p: await proof() },
    );
    expect(contacted).toEqual({ data: { sendContactMessage: { ok: true } } });
    await sink.untilReceived(2);
    expect(sink.to("editors@example.org")[0]!.parsed.replyTo?.value).toEqual([{ name: "Jo", address: "jo@example.org" }]);
  });

  it("exits 0 on SIGTERM with the worker stopped", async () => {
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(server.output()).not.toMatch(/mail delivery failed/);
  });
});
