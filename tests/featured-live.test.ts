import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { createLanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { createFeaturedLive } from "../src/live/featured-live.ts";
import { SCHEDULE_RECHECK_MS } from "../src/read/schedule.ts";
import { db } from "../src/db/client.ts";
import { loadTrustedDocuments } from "../src/graphql/safety/trusted-documents.ts";
import { graphql } from "./support/graphql.ts";
import { ManualClock } from "./support/clock.ts";
import { subscribe, type EventStream } from "./support/sse.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { draftArticle } from "./support/fixtures.ts";
import { countStatements } from "./support/statements.ts";

const SUBSCRIPTION = `subscription ($slot: String!, $first: Int!) {
  featuredChanged(slot: $slot, first: $first) { title article { id status } }
}`;
const SET_FEATURED = `mutation ($slot: String!, $items: [FeaturedItemInput!]!) { setFeatured(slot: $slot, items: $items) { slot } }`;

const HOUR = 3_600_000;
const opened: EventStream[] = [];

async function liveServer(env: Record<string, string> = {}) {
  const clock = new ManualClock();
  const serverSettings = parseConfig({ ...process.env, ...env });
  const live = createFeaturedLive(serverSettings, clock);
  return { clock, live, server: createLanternYoga(serverSettings, { clock: live.clock, featuredLive: live }) };
}

async function open(server: ReturnType<typeof createLanternYoga>, slot: string, first = 5) {
  const stream = await subscribe(server, { query: SUBSCRIPTION, variables: { slot, first } });
  opened.push(stream);
  return stream;
}

const titles = (event: any) => event.data.featuredChanged.map((item: { title: string }) => item.title);

async function publishedArticles(count: number) {
  const articles = await db().article.findMany({
    where: { status: "PUBLISHED", publishedAt: { lte: new Date() } },
    orderBy: { id: "asc" },
    take: count,
  });
  return articles.map((article) => ({ ...article, globalId: encodeGlobalID("Article", article.id) }));
}

afterAll(async () => {
  await Promise.all(opened.map((stream) => stream.close()));
});

describe("featuredChanged", () => {
  it("gives the slot at once, then again after an editor's setFeatured, over server-sent events", async () => {
    const { server } = await liveServer();
    const editor = await tokenHeaders("editor");
    const stream = await open(server, "sidebar");
    expect(stream.status).toBe(200);
    expect(titles(await stream.next())).toEqual(["The Power of Exercise to Change the Brain"]);

    const [article] = await publishedArticles(1);
    const set = await graphql(SET_FEATURED, { slot: "sidebar", items: [{ articleId: article!.globalId, title: "Changed live" }] }, editor, server);
    expect(set.body.errors).toBeUndefined();
    expect(titles(await stream.next(2000))).toEqual(["Changed live"]);
  });

  it("tells only the subscribers of the changed slot", async () => {
    const { server } = await liveServer();
    const editor = await tokenHeaders("editor");
    const [first, second] = await publishedArticles(2);
    const one = await open(server, "slot-one");
    const two = await open(server, "slot-two");
    expect(titles(await one.next())).toEqual([]);
    expect(titles(await two.next())).toEqual([]);
    await graphql(SET_FEATURED, { slot: "slot-two", items: [{ articleId: second!.globalId }] }, editor, server);
    expect(titles(await two.next())).toEqual([second!.title]);
    await graphql(SET_FEATURED, { slot: "slot-one", items: [{ articleId: first!.globalId }] }, editor, server);
    expect(titles(await one.next())).toEqual([first!.title]);
  });

  it("fires when a scheduled placement starts and when it ends, at the injected clock's time", async () => {
    const { server, clock } = await liveServer();
    const editor = await tokenHeaders("editor");
    const [always, scheduled] = await publishedArticles(2);
    // Both within SCHEDULE_RECHECK_MS, so the schedule's own timer is what wakes it.
    const startsAt = new Date(clock.now().getTime() + SCHEDULE_RECHECK_MS / 3);
    const endsAt = new Date(startsAt.getTime() + SCHEDULE_RECHECK_MS / 3);
    const stream = await open(server, "windowed");
    expect(titles(await stream.next())).toEqual([]);

    await graphql(
      SET_FEATURED,
      {
        slot: "windowed",
        items: [
          { articleId: scheduled!.globalId, title: "In the window", startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
          { articleId: always!.globalId, title: "Always" },
        ],
      },
      editor,
      server,
    );
    expect(titles(await stream.next())).toEqual(["Always"]);

    await clock.timerAt(startsAt);
    clock.advanceTo(startsAt);
    expect(titles(await stream.next())).toEqual(["In the window", "Always"]);

    await clock.timerAt(endsAt);
    clock.advanceTo(endsAt);
    expect(titles(await stream.next())).toEqual(["Always"]);
  });

  it("never gives an anonymous subscriber a draft, and a scheduled article only once its time has come", async () => {
    const { server, clock } = await liveServer();
    const editor = await tokenHeaders("editor");
    const draft = await draftArticle();
    const [published, later] = await publishedArticles(2);
    const publishAt = new Date(clock.now().getTime() + 2 * HOUR);
    await db().article.update({ where: { id: later!.id }, data: { publishedAt: publishAt } });
    const stream = await open(server, "visibility");
    expect(titles(await stream.next())).toEqual([]);

    await graphql(
      SET_FEATURED,
      {
        slot: "visibility",
        items: [
          { articleId: draft.globalId, title: "A draft" },
          { articleId: encodeGlobalID("Article", later!.id), title: "Scheduled" },
          { articleId: published!.globalId, title: "Published" },
        ],
      },
      editor,
      server,
    );
    const afterEdit = await stream.next();
    expect(titles(afterEdit)).toEqual(["Published"]);
    expect(JSON.stringify(afterEdit)).not.toContain(draft.globalId);

    await clock.timerBy(publishAt);
    clock.advanceTo(publishAt);
    expect(titles(await stream.next())).toEqual(["Scheduled", "Published"]);
  });

  it("notices within SCHEDULE_RECHECK_MS a change made without a featured event (its article unpublished)", async () => {
    const { server, clock } = await liveServer();
    const editor = await tokenHeaders("editor");
    const [kept, unpublished] = await publishedArticles(2);
    await graphql(SET_FEATURED, { slot: "recheck", items: [{ articleId: unpublished!.globalId }, { articleId: kept!.globalId }] }, editor, server);
    const stream = await open(server, "recheck");
    expect(titles(await stream.next())).toEqual([unpublished!.title, kept!.title]);

    await db().article.update({ where: { id: unpublished!.id }, data: { status: "DRAFT" } });
    const recheck = new Date(clock.now().getTime() + SCHEDULE_RECHECK_MS);
    await clock.timerAt(recheck);
    clock.advanceTo(recheck);
    expect(titles(await stream.next())).toEqual([kept!.title]);
  });

  it("reads a slot once for all its streams, and a new slot's stream reads only that slot", async () => {
    const { server } = await liveServer({ LIVE_STREAMS_PER_CLIENT: "100" });
    const lightQuery = `subscription ($slot: String!) { featuredChanged(slot: $slot) { title } }`;
    const openLight = async (slot: string) => {
      const stream = await subscribe(server, { query: lightQuery, variables: { slot } });
      opened.push(stream);
      await stream.next();
    };
    await openLight("shared-read");
    // Twenty more streams of the same slot: the reading is shared (no statement for the slot's items).
    const same = await countStatements(() => Promise.all(Array.from({ length: 20 }, () => openLight("shared-read"))));
    expect(same.statements).toBe(0);
    // Forty streams on forty new slots: each reads its own slot once (items, then its next change).
    for (let n = 0; n < 40; n++) await openLight(`many-${n}`);
    const oneMore = await countStatements(() => openLight("one-more-slot"));
    expect(oneMore.statements).toBeLessThanOrEqual(2);
  });

  it("refuses a malformed slot or page size with BAD_USER_INPUT", async () => {
    const { server } = await liveServer();
    for (const variables of [{ slot: "Not a slot!", first: 1 }, { slot: "sidebar", first: 500 }]) {
      const stream = await subscribe(server, { query: SUBSCRIPTION, variables });
      const event = await stream.next();
      expect(event.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      await stream.close();
    }
  });

  it("is callable by hash over GET, as the widget calls it", async () => {
    const { server } = await liveServer({ TRUSTED_DOCUMENTS: "anonymous" });
    const hash = [...loadTrustedDocuments()].find(([, text]) => text.startsWith("subscription FeaturedWidgetChanged"))![0];
    const variables = encodeURIComponent(JSON.stringify({ slot: "sidebar", first: 1 }));
    const stream = await subscribe(server, {
      path: `/graphql?documentId=sha256:${hash}&variables=${variables}`,
      headers: { "x-graphql-csrf": "1" },
    });
    opened.push(stream);
    const event = await stream.next();
    const query = `{ featured(slot: "sidebar") { title excerpt(format: PLAIN) article { uri publishedAt author { displayName } } } }`;
    expect(event.data.featuredChanged).toEqual((await graphql(query)).body.data.featured);
    expect(event.data.featuredChanged[0].article.author.displayName).toEqual(expect.any(String));
  });
});

describe("featuredChanged across instances", () => {
  const redisSettings = () => ({ REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: `lantern-test-${randomUUID()}:` });

  it("reaches the subscribers of both instances when they share Redis", async () => {
    const shared = redisSettings();
    const a = await liveServer(shared);
    const b = await liveServer(shared);
    const editor = await tokenHeaders("editor");
    const [article] = await publishedArticles(1);
    const onA = await open(a.server, "shared-slot");
    const onB = await open(b.server, "shared-slot");
    expect(titles(await onA.next())).toEqual([]);
    expect(titles(await onB.next())).toEqual([]);

    await graphql(SET_FEATURED, { slot: "shared-slot", items: [{ articleId: article!.globalId, title: "Through Redis" }] }, editor, a.server);
    expect(titles(await onA.next(2000))).toEqual(["Through Redis"]);
    expect(titles(await onB.next(2000))).toEqual(["Through Redis"]);
    await Promise.all([onA.close(), onB.close()]);
    await Promise.all([a.live.close(), b.live.close()]);
  });

  it("fails no mutation and no subscription while Redis is down", async () => {
    const down = await liveServer({ REDIS_URL: "redis://127.0.0.1:1", REDIS_PREFIX: `lantern-test-${randomUUID()}:` });
    const editor = await tokenHeaders("editor");
    const [article] = await publishedArticles(1);
    const stream = await open(down.server, "redis-down");
    expect(titles(await stream.next())).toEqual([]);
    const started = performance.now();
    const set = await graphql(SET_FEATURED, { slot: "redis-down", items: [{ articleId: article!.globalId }] }, editor, down.server);
    expect(set.body).toEqual({ data: { setFeatured: { slot: "redis-down" } } });
    expect(performance.now() - started).toBeLessThan(2000);
    await stream.close();
    await down.live.close();
  });

  it("stays within the instance without Redis (so the test above shows Redis at work)", async () => {
    const a = await liveServer({ REDIS_URL: "" });
    const b = await liveServer({ REDIS_URL: "" });
    const editor = await tokenHeaders("editor");
    const [article] = await publishedArticles(1);
    const onA = await open(a.server, "local-slot");
    const onB = await open(b.server, "local-slot");
    await onA.next();
    await onB.next();
    await graphql(SET_FEATURED, { slot: "local-slot", items: [{ articleId: article!.globalId, title: "Local" }] }, editor, a.server);
    expect(titles(await onA.next(2000))).toEqual(["Local"]);
    await expect(onB.next(500)).rejects.toThrow(/no event/);
  });
});
