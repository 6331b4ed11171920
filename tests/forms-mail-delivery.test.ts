import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { writeDb } from "../src/db/client.ts";
import { enqueueMail } from "../src/mail/outbox.ts";
import { DeliveryWorker } from "../src/mail/delivery-worker.ts";
import { logTransport, smtpTransport } from "../src/mail/transport.ts";
import { retryDelayMs } from "../src/platform/backoff.ts";
import { SmtpSink } from "./support/smtp-sink.ts";
import { manualClock } from "./support/forms.ts";
import { spawnProcess } from "./support/processes.ts";

const FROM = "Lantern <no-reply@example.org>";
const sink = new SmtpSink();
let clock = manualClock();

beforeAll(() => sink.start());
afterAll(() => sink.stop());
beforeEach(async () => {
  clock = manualClock();
  sink.received.length = 0;
  await writeDb().outboxMail.deleteMany();
});

async function queue(count: number, at = clock.now()): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const addresses = Array.from({ length: count }, (_, i) => `r${i}-${tag}@example.org`);
  await writeDb().$transaction(async (tx) => {
    for (const to of addresses) {
      await enqueueMail(tx, { to, subject: `Hello ${to}`, text: `Text for ${to}`, html: `<p>HTML for ${to}</p>` }, at, "example.org");
    }
  });
  return addresses;
}

function worker(prisma = writeDb(), url = sink.url, batchSize = 20) {
  return new DeliveryWorker({ prisma, transport: smtpTransport(url), from: FROM, clock, batchSize });
}

function expectEachReceivedOnce(addresses: string[]) {
  const counts = new Map<string, number>();
  for (const mail of sink.received) for (const to of mail.envelopeTo) counts.set(to, (counts.get(to) ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual([...addresses].sort());
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

describe("delivery worker", () => {
  it("sends text and HTML with a fixed Message-ID and marks the rows sent", async () => {
    const [to] = await queue(1);
    const sender = worker();
    expect(await sender.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await sender.stop();
    const mail = sink.to(to!)[0]!.parsed;
    expect(mail.text?.trim()).toBe(`Text for ${to}`);
    expect(mail.html).toContain(`<p>HTML for ${to}</p>`);
    const row = await writeDb().outboxMail.findFirstOrThrow({ where: { toAddress: to } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, sentAt: clock.now(), claimedBy: null, toAddress: to, subject: `Hello ${to}`, text: "", html: "" });
    expect(mail.messageId).toBe(row.messageId);
  });

  it("an SMTP outage loses nothing: every queued mail is delivered exactly once after recovery", async () => {
    const addresses = await queue(30);
    await sink.stop();
    const sender = worker();
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 30, failed: 0 });
    expect(sink.received).toHaveLength(0);
    // Nothing is due before the back-off has passed.
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    clock.advance(retryDelayMs(1));
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 30, failed: 0 });
    const rows = await writeDb().outboxMail.findMany();
    expect(rows.every((row) => row.attempts === 2 && row.nextAttemptAt.getTime() === clock.now().getTime() + retryDelayMs(2))).toBe(true);

    await sink.start(); // the same port
    clock.advance(retryDelayMs(1)); // not yet due again
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(retryDelayMs(2));
    expect(await sender.drain()).toEqual({ sent: 30, retrying: 0, failed: 0 });
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await sender.stop();
    expectEachReceivedOnce(addresses);
  });

  it("two workers in one process never send the same mail", async () => {
    const addresses = await queue(100);
    const workers = [worker(writeDb(), sink.url, 7), worker(writeDb(), sink.url, 7)];
    const reports = await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.stop()));
    expect(reports.map((report) => report.sent).reduce((a, b) => a + b)).toBe(100);
    expect(reports.every((report) => report.sent > 0)).toBe(true);
    expectEachReceivedOnce(addresses);
  });

  it("two instances (processes) on one database never send the same mail", async () => {
    // The processes run on the system clock.
    const addresses = await queue(150, new Date(Date.now() - 1000));
    const processes = ["a", "b"].map(() => {
      const instance = spawnProcess(process.execPath, ["--import", "tsx", "tests/support/delivery-worker-process.ts"], {
        env: { SMTP_URL: sink.url, BATCH_SIZE: "5" },
        stdin: "pipe",
      });
      return { ...instance, ready: instance.nextLine() };
    });
    await Promise.all(processes.map((p) => p.ready));
    for (const p of processes) p.child.stdin!.write("go\n");
    const reports = await Promise.all(processes.map(async (p) => JSON.parse(await p.nextLine()) as { sent: number }));
    expect(reports[0]!.sent + reports[1]!.sent).toBe(150);
    expect(reports.every((report) => report.sent > 0)).toBe(true);
    expectEachReceivedOnce(addresses);
    expect(await writeDb().outboxMail.count({ where: { status: "SENT" } })).toBe(150);
  }, 60_000);

  it("a claim held by a live worker is left alone; after its lease another worker takes the mail", async () => {
    const [to] = await queue(1);
    const holder = await writeDb().outboxMail.updateMany({ data: { claimedBy: "crashed-worker", claimedUntil: new Date(clock.now().getTime() + 5 * 60_000) } });
    expect(holder.count).toBe(1);
    const sender = worker();
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(5 * 60_000 + 1);
    expect(await sender.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await sender.stop();
    expect(sink.to(to!)).toHaveLength(1);
  });

  it("a permanent refusal (5xx) fails the mail at once; too many attempts fail it too", async () => {
    const [refused, accepted] = await queue(2);
    sink.refuse.add(refused!);
    const sender = worker();
    expect(await sender.drain()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    await sender.stop();
    expect(await writeDb().outboxMail.findFirstOrThrow({ where: { toAddress: refused } })).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(sink.to(accepted!)).toHaveLength(1);

    await queue(1);
    const unreachable = worker(writeDb(), "smtp://127.0.0.1:1");
    let failed = 0;
    for (let attempt = 1; attempt <= 12; attempt++) {
      const report = await unreachable.drain();
      expect(report.retrying + report.failed).toBe(1);
      failed += report.failed;
      clock.advance(retryDelayMs(attempt));
    }
    await unreachable.stop();
    expect(failed).toBe(1);
  });

  it("without SMTP_URL in development, mails are written to the log", async () => {
    const [to] = await queue(1);
    const lines: string[] = [];
    const logger = new DeliveryWorker({ prisma: writeDb(), transport: logTransport((line) => lines.push(line)), from: FROM, clock });
    expect(await logger.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(lines.join("\n")).toContain(`To: ${to}`);
    expect(lines.join("\n")).toContain(`Text for ${to}`);
  });
});
