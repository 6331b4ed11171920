import { solveChallenge } from "altcha-lib";
import { graphql } from "./graphql.ts";
import { createLanternYoga, type LanternYoga } from "../../src/app/yoga.ts";
import { parseConfig, type Config } from "../../src/platform/settings.ts";
import { FormsService } from "../../src/forms/forms-service.ts";
import type { SharedStore } from "../../src/forms/shared-store.ts";
import type { Clock } from "../../src/platform/clock.ts";
import { ManualClock } from "./clock.ts";
import { afterAll, beforeAll } from "vitest";
import { SmtpSink } from "./smtp-sink.ts";
import { DeliveryWorker } from "../../src/mail/delivery-worker.ts";
import { smtpTransport } from "../../src/mail/transport.ts";
import { writeDb } from "../../src/db/client.ts";

/** Fetches a formChallenge and solves it as the ALTCHA widget would; returns the `proof` payload. */
export async function solvedProof(server: LanternYoga): Promise<string> {
  const response = await graphql("{ formChallenge { algorithm challenge maxNumber salt signature } }", {}, {}, server);
  const challenge = response.body.data.formChallenge;
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxNumber).promise;
  if (!solution) throw new Error("challenge not solvable");
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

export const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribe(input: $input) { ok message } }`;
export const CONTACT = `mutation ($input: ContactMessageInput!) { sendContactMessage(input: $input) { ok message } }`;
export const CONSENT_TEXT = "Yes, send me the newsletter about once a month. I can unsubscribe at any time.";

/** A clock the test moves by hand. */
export class FormsClock extends ManualClock {
  advance(ms: number): void {
    this.advanceTo(new Date(this.now().getTime() + ms));
  }
}

export function manualClock(start = "2026-11-26T12:00:00Z"): FormsClock {
  return new FormsClock(new Date(start).getTime());
}

/** Production settings for the forms, mailing through `smtpUrl`, plus any overrides. */
export function formSettings(smtpUrl: string | undefined, overrides: Record<string, string> = {}): Config {
  return parseConfig({
    ...process.env,
    NODE_ENV: "production",
    SITE_URL: "https://news.example.org",
    FORMS_SECRET: "test-secret-test-secret-test-secret-0123",
    MAIL_FROM: "Anxiety Relief Project <newsletter@example.org>",
    CONTACT_EMAIL: "editors@example.org",
    // Easy challenges keep 200 solved proofs quick; the checks are the same.
    ALTCHA_MAX_NUMBER: "50",
    TRUST_PROXY: "true",
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
    ...overrides,
  });
}

/** A Lantern server whose forms run on `clock` (and `store`). */
export function formsServer(settings: Config, clock: Clock, store?: SharedStore) {
  const forms = new FormsService({ settings, clock, store });
  return { forms, yoga: createLanternYoga(settings, { clock, forms }) };
}

/**
 * A file's forms server with mail: the real SMTP sink and a delivery worker on a manual clock,
 * started before the file's tests and stopped after them. `server` and `worker` exist once started.
 */
export function formsWithMail(overrides: Record<string, string>) {
  const sink = new SmtpSink();
  const clock = manualClock();
  let server: ReturnType<typeof formsServer> | undefined;
  let worker: DeliveryWorker | undefined;
  beforeAll(async () => {
    await sink.start();
    const settings = formSettings(sink.url, overrides);
    server = formsServer(settings, clock);
    worker = new DeliveryWorker({ prisma: writeDb(), transport: smtpTransport(sink.url), from: settings.MAIL_FROM, clock });
  });
  afterAll(async () => {
    await worker?.stop();
    await sink.stop();
  });
  return {
    sink,
    clock,
    server: () => server!,
    worker: () => worker!,
  };
}
