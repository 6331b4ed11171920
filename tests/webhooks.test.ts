import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { errorCodes, graphql, yogaWith } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";
import { createLanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { db, writeDb } from "../src/db/client.ts";
import { ChangeService } from "../src/changes/service.ts";
import { ChangeConsumer } from "../src/changes/consumer.ts";
import { fanOut } from "../src/changes/webhooks/deliveries.ts";
import { retryDelayMs } from "../src/platform/backoff.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { appendBatchedChange } from "../src/write/change-log.ts";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback that answers the statuses queued (200 once they run out). */
class Receiver {
  readonly received: Received[] = [];
  readonly statuses: number[] = [];
  private server: Server | undefined;
  url = "";
  async start() {
    this.server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        this.received.push({ headers: request.headers, body });
        response.statusCode = this.statuses.shift() ?? 200;
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  events() {
    return this.received.map((entry) => JSON.parse(entry.body) as { type: string; sequence: number; data: { id: string; uri: string } });
  }
  stop() {
    return new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The signature check of docs/webhooks.md, as written there. */
async function documentedVerify(): Promise<(secret: string, headers: IncomingHttpHeaders, body: string, now?: number) => boolean> {
  const page = readFileSync(join(process.cwd(), "docs/webhooks.md"), "utf8");
  const code = /```js\n([\s\S]*?)```/.exec(page)![1]!;
  expect(code.trim().split("\n").length).toBeLessThanOrEqual(14);
  const file = join(mkdtempSync(join(tmpdir(), "lantern-verify-")), "verify.mjs");
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { verifyWebhook: never }).verifyWebhook;
}

const settings = (extra: Record<string, string> = {}) => parseConfig({ ...process.env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", ...extra });

let admin: Record<string, string>;
let editor: Record<string, string>;
const receiver = new Receiver();
beforeAll(async () => {
  admin = await tokenHeaders("admin");
  editor = await tokenHeaders("editor");
  await receiver.start();
});
afterAll(() => receiver.stop());

beforeEach(async () => {
  receiver.received.length = 0;
  receiver.statuses.length = 0;
  // Each test registers its own webhook; the ones before it stop receiving.
  await db().webhook.deleteMany();
});

const services: ChangeService[] = [];
/** One instance's change service; each test's instances give their leases up after it (as on shutdown). */
function instance(clock: ManualClock, allowPrivateNetworks: boolean) {
  const service = new ChangeService({ prisma: writeDb(), clock, allowPrivateNetworks });
  services.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.webhooks.release()));
});

const CREATE = `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { id url events secret } }`;

async function register(server: ReturnType<typeof createLanternYoga>, events = ["*"], url = receiver.url) {
  const response = await graphql(CREATE, { input: { url, events, description: "test" } }, admin, server);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.createWebhook as { id: string; secret: string };
}

const publish = (server: ReturnType<typeof createLanternYoga>, id: string, at?: string) =>
  graphql(`mutation ($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { article { id } } }`, { id, at }, editor, server);

describe("signed webhooks", () => {
  it("delivers a change as a signed Standard Webhooks POST the documented check accepts", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    const service = instance(clock, true);
    const webhook = await register(server);
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await graphql(`{ webhooks { id secret } }`, {}, admin, server);
    expect(listed.body.data.webhooks).toEqual([{ id: webhook.id, secret: null }]);

    const article = await draftArticle();
    expect((await publish(server, article.globalId)).body.errors).toBeUndefined();
    await service.runOnce();

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [Received];
    const verify = await documentedVerify();
    expect(verify(webhook.secret, headers, body, clock.now().getTime() / 1000)).toBe(true);
    expect(verify(webhook.secret, headers, body.replace("published", "unpublishd"), clock.now().getTime() / 1000)).toBe(false);
    expect(verify(webhook.secret, headers, body, clock.now().getTime() / 1000 + 3600)).toBe(false);
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(JSON.parse(body)).toMatchObject({
      type: "article.published",
      sequence: expect.any(Number),
      occurredAt: clock.now().toISOString(),
      data: { id: article.globalId, slug: article.slug, uri: `/${article.slug}/`, previousUri: null },
      uris: [`/${article.slug}/`],
      cacheKeys: expect.arrayContaining([`Article:${article.id}`]),
    });
    // Rotating changes the secret: the old one no longer verifies the next delivery.
    const rotated = await graphql(`mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: webhook.id }, admin, server);
    const secret = rotated.body.data.rotateWebhookSecret.secret as string;
    expect(secret).not.toBe(webhook.secret);
    await graphql(`mutation ($id: ID!) { unpublishArticle(id: $id) { article { id } } }`, { id: article.globalId }, editor, server);
    await service.runOnce();
    const last = receiver.received.at(-1)!;
    expect(JSON.parse(last.body)).toMatchObject({ type: "article.unpublished" });
    expect(verify(secret, last.headers, last.body, clock.now().getTime() / 1000)).toBe(true);
    expect(verify(webhook.secret, last.headers, last.body, clock.now().getTime() / 1000)).toBe(false);
  });

  it("retries a receiver answering 500 twice: the third attempt delivers, with the same webhook-id", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    const service = instance(clock, true);
    const webhook = await register(server, ["article.published"]);
    receiver.statuses.push(500, 500);
    const article = await draftArticle();
    await publish(server, article.globalId);

    expect(await service.runOnce()).toMatchObject({ retrying: 1 });
    expect(await service.runOnce()).toMatchObject({ delivered: 0, retrying: 0 }); // not due yet
    clock.advanceTo(new Date(clock.now().getTime() + retryDelayMs(1)));
    expect(await service.runOnce()).toMatchObject({ retrying: 1 });
    clock.advanceTo(new Date(clock.now().getTime() + retryDelayMs(2)));
    expect(await service.runOnce()).toMatchObject({ delivered: 1 });

    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((entry) => entry.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    expect(new Set(receiver.received.map((entry) => entry.body)).size).toBe(1);
    const deliveries = await graphql(
      `query ($id: ID!) { webhookDeliveries(webhookId: $id) { id messageId status attempts { statusCode durationMs } } }`,
      { id: webhook.id },
      admin,
      server,
    );
    const [delivery] = deliveries.body.data.webhookDeliveries;
    expect(delivery).toMatchObject({ status: "DELIVERED", messageId: [...ids][0] });
    expect(delivery.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 500, 200]);

    const again = await graphql(`mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { messageId status } }`, { id: delivery.id }, admin, server);
    expect(again.body.data.redeliverWebhook).toEqual({ messageId: delivery.messageId, status: "PENDING" });
    await service.runOnce();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3]!.headers["webhook-id"]).toBe(delivery.messageId);
  });

  it("gives up 24 hours after the change", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    const service = instance(clock, true);
    await register(server);
    receiver.statuses.push(...Array<number>(40).fill(503));
    await publish(server, (await draftArticle()).globalId);
    const start = clock.now().getTime();
    let attempts = 0;
    let report = await service.runOnce();
    while (report.failed === 0 && attempts < 40) {
      attempts += 1;
      clock.advanceTo(new Date(clock.now().getTime() + 6 * 60 * 60_000));
      report = await service.runOnce();
    }
    expect(report.failed).toBe(1);
    expect(clock.now().getTime() - start).toBeLessThanOrEqual(30 * 60 * 60_000);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(18 * 60 * 60_000);
  });

  it("delivers nothing for a refused mutation", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    const service = instance(clock, true);
    await register(server);
    const article = await draftArticle();
    const conflict = await graphql(
      `mutation ($id: ID!) { updateArticle(id: $id, input: { title: "No" }, expectedVersion: 42) { article { id } } }`,
      { id: article.globalId },
      editor,
      server,
    );
    expect(errorCodes(conflict)).toEqual(["CONFLICT"]);
    expect(errorCodes(await publish(server, article.globalId).then(() => graphql(`mutation { deleteArticle(id: "nope") { deletedId } }`, {}, editor, server)))).toEqual([
      "BAD_USER_INPUT",
    ]);
    await service.runOnce();
    // The publish went through; the conflict and the bad delete sent nothing.
    expect(receiver.events().map((event) => event.type)).toEqual(["article.published"]);
  });

  it("refuses loopback, private and link-local addresses unless allowed, at registration and at connection", async () => {
    const strict = yogaWith({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "false" });
    for (const url of ["http://127.0.0.1:9/", "http://localhost/", "http://10.1.2.3/", "http://[::1]/", "http://169.254.169.254/latest", "http://192.168.0.10/", "ftp://example.org/", "http://[::ffff:127.0.0.1]/"]) {
      const response = await graphql(CREATE, { input: { url, events: ["*"] } }, admin, strict);
      expect(errorCodes(response), url).toEqual(["BAD_USER_INPUT"]);
    }
    expect(errorCodes(await graphql(CREATE, { input: { url: "https://hooks.example.org/x", events: ["article.nonsense"] } }, admin, strict))).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes(await graphql(CREATE, { input: { url: "https://hooks.example.org/x", events: ["*"] } }, editor, strict))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(`{ changes(first: 1) { nodes { sequence } } }`, {}, {}, strict))).toEqual(["UNAUTHENTICATED"]);

    // Registered while allowed, then sent by an instance that does not allow it: refused when connecting.
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    await register(server);
    const service = instance(clock, false);
    await publish(server, (await draftArticle()).globalId);
    expect(await service.runOnce()).toMatchObject({ retrying: 1 });
    expect(receiver.received).toEqual([]);
    const delivery = await db().webhookDelivery.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(delivery.lastError).toMatch(/refused/);
  });

  it("a killed consumer's successor resumes from its cursor: every change handled once", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    await register(server);
    const consumerOptions = { prisma: writeDb(), clock, leaseMs: 10_000 };
    // Catch up first, so the cursor is at the log's head.
    const catchingUp = new ChangeConsumer("webhooks", fanOut, consumerOptions);
    await catchingUp.drain();
    await catchingUp.release();
    await db().webhookDelivery.deleteMany();
    const articles = [await draftArticle(), await draftArticle(), await draftArticle()];
    for (const article of articles) await publish(server, article.globalId);

    // The first instance takes the lease and dies while handling its batch: the batch rolls back.
    const dying = new ChangeConsumer("webhooks", async (tx, changes) => {
      await fanOut(tx, changes);
      throw new Error("killed");
    }, consumerOptions);
    await expect(dying.runOnce()).rejects.toThrow("killed");
    const successor = new ChangeConsumer("webhooks", fanOut, consumerOptions);
    expect(await successor.runOnce()).toBe(0); // the dead one's lease still holds
    clock.advanceTo(new Date(clock.now().getTime() + 10_001));
    expect(await successor.drain()).toBe(3);
    expect(await dying.runOnce()).toBe(0); // back from the dead: the lease is another's
    await successor.release();
    const deliveries = await db().webhookDelivery.findMany({ orderBy: { sequence: "asc" } });
    expect(deliveries.map((delivery) => JSON.parse(delivery.payload).data.id)).toEqual(articles.map((article) => article.globalId));
  });

  it("an import or bulk change is one batched event", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    const service = instance(clock, true);
    await register(server, ["batch.changed"]);
    await inTransaction((tx) =>
      appendBatchedChange(
        tx,
        [1, 2, 3].map((n) => ({ type: "article.created", entityType: "Article", entityId: String(n), uriAfter: `/imported-${n}/`, cacheKeys: ["Articles"] })),
        { occurredAt: clock.now(), source: "import" },
      ),
    );
    await service.runOnce();
    expect(receiver.received).toHaveLength(1);
    const event = JSON.parse(receiver.received[0]!.body) as { type: string; uris: string[]; data: { changes: unknown[] } };
    expect(event).toMatchObject({ type: "batch.changed", uris: ["/imported-1/", "/imported-2/", "/imported-3/"], cacheKeys: ["Articles"] });
    expect(event.data.changes).toHaveLength(3);
  });

  it("two instances deliver a scheduled article's article.published exactly once, at its instant", async () => {
    const clock = new ManualClock();
    const server = createLanternYoga(settings(), { clock });
    await register(server, ["article.published"]);
    const instances = [0, 1].map(() => instance(clock, true));
    const article = await draftArticle();
    const at = new Date(clock.now().getTime() + 3_600_000);
    expect((await publish(server, article.globalId, at.toISOString())).body.errors).toBeUndefined();
    await Promise.all(instances.map((instance) => instance.runOnce()));
    expect(receiver.received).toEqual([]);

    clock.advanceTo(new Date(at.getTime() - 1));
    await Promise.all(instances.map((instance) => instance.runOnce()));
    expect(receiver.received).toEqual([]);
    clock.advanceTo(at);
    await Promise.all(instances.map((instance) => instance.runOnce()));
    await Promise.all(instances.map((instance) => instance.runOnce()));
    clock.advanceTo(new Date(at.getTime() + 60_000));
    await Promise.all(instances.map((instance) => instance.runOnce()));

    const events = receiver.events().filter((event) => event.data.id === article.globalId);
    expect(events.map((event) => event.type)).toEqual(["article.published"]);
    const change = await db().contentChange.findFirstOrThrow({ where: { sequence: events[0]!.sequence } });
    expect(change.occurredAt.toISOString()).toBe(at.toISOString());
    expect(JSON.parse(change.cacheKeys)).toEqual(expect.arrayContaining(["Articles", `Article:${article.id}`]));
  });
});
