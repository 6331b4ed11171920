import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createLanternYoga, type LanternYoga } from "../src/app/yoga.ts";
import { parseConfig } from "../src/platform/settings.ts";
import { createResponseCache } from "../src/cache/response-cache.ts";
import { keysChangedBetween } from "../src/changes/scheduled-keys.ts";
import { ManualClock } from "./support/clock.ts";
import { cachingServer, post } from "./support/caching-server.ts";
import { tokenHeaders } from "./support/tokens.ts";
import { evictionOperations, evictionSite, type EvictionSite } from "./support/eviction-site.ts";

const HOUR = 3_600_000;
const REDIS = "redis://127.0.0.1:6379";
const prefix = `lantern-test-${randomUUID()}:`;

afterAll(async () => {
  const redis = new Redis(REDIS);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const STORES: Record<string, (clock: ManualClock) => LanternYoga> = {
  memory: (clock) => cachingServer(clock),
  Redis: (clock) => {
    const settings = parseConfig({
      ...process.env, NODE_ENV: "production", RESPONSE_CACHE_MAX_AGE: "300", RESPONSE_CACHE_DEBUG_HEADERS: "true",
      REDIS_URL: REDIS, REDIS_PREFIX: `${prefix}${randomUUID()}:`,
    });
    return createLanternYoga(settings, { clock, responseCache: createResponseCache(settings, clock) });
  },
};

type Operation = keyof ReturnType<typeof evictionOperations>;

interface Edit {
  mutation: (site: EvictionSite, now: Date) => { query: string; variables?: object };
  /** Exactly the answers the edit evicts; every other one is still served from the cache. */
  evicted: Operation[];
  role?: "editor" | "admin";
}

const update = (id: string, version: number, input: string) =>
  `mutation { updateArticle(id: "${id}", expectedVersion: ${version}, input: { ${input} }) { article { id } } }`;

/** What lists X ("Beta", live, C1 ⊂ P, by A, in the menu) shows up in: any edit of X evicts these. */
const SHOWING_X: Operation[] = ["articleX", "newest", "byTitle", "c1", "inParent", "authorA", "byAuthorA", "menu"];

const EDITS: Record<string, Edit> = {
  "create a draft": {
    mutation: (s) => ({ query: `mutation { createArticle(input: { title: "New", body: "<p>New</p>", authorId: "${s.a.globalId}", categoryIds: ["${s.c1.globalId}"] }) { article { id } } }` }),
    evicted: [],
  },
  "publish draft D (C1 ⊂ P, by A)": {
    mutation: (s) => ({ query: `mutation { publishArticle(id: "${s.d.globalId}") { article { id } } }` }),
    evicted: ["newest", "byTitle", "c1", "inParent", "authorA", "byAuthorA", "search", "sidebar", "missDraft", "missNode"],
  },
  "unpublish Y (C2, by B, in the slot)": {
    mutation: (s) => ({ query: `mutation { unpublishArticle(id: "${s.y.globalId}") { article { id } } }` }),
    evicted: ["articleY", "newest", "byTitle", "c2", "authorB", "search", "featured", "sidebar"],
  },
  "schedule draft D for an hour later": {
    mutation: (s, now) => ({ query: `mutation($at: DateTime) { publishArticle(id: "${s.d.globalId}", at: $at) { article { id } } }`, variables: { at: new Date(now.getTime() + HOUR).toISOString() } }),
    evicted: ["missNode"],
  },
  "edit X's body": { mutation: (s) => ({ query: update(s.x.globalId, s.x.version, `body: "<p>New body</p>"`) }), evicted: [...SHOWING_X, "search"] },
  // The excerpt is searched (weighted between title and body).
  "edit X's excerpt": { mutation: (s) => ({ query: update(s.x.globalId, s.x.version, `excerpt: "New excerpt"`) }), evicted: [...SHOWING_X, "search"] },
  // Z is not among the first two by title, and moves there: the title-ordered list goes, the others only where they show Z.
  "retitle Z (C3, by B) to come first": {
    mutation: (s) => ({ query: update(s.z.globalId, s.z.version, `title: "Aardvark"`) }),
    evicted: ["newest", "byTitle", "c3", "authorB", "search"],
  },
  "change X's slug": { mutation: (s) => ({ query: update(s.x.globalId, s.x.version, `slug: "${s.renamed}"`) }), evicted: [...SHOWING_X, "missSlug", "missUri", "missUriInCapitals"] },
  "move X from C1 to C2": { mutation: (s) => ({ query: update(s.x.globalId, s.x.version, `categoryIds: ["${s.c2.globalId}"]`) }), evicted: [...SHOWING_X, "c2", "sidebar", "search"] }, // search's category facets
  "give X to author B": { mutation: (s) => ({ query: update(s.x.globalId, s.x.version, `authorId: "${s.b.globalId}"`) }), evicted: [...SHOWING_X, "authorB"] },
  "delete X": {
    mutation: (s) => ({ query: `mutation { deleteArticle(id: "${s.x.globalId}") { deletedId } }` }),
    evicted: [...SHOWING_X, "search", "sidebar"],
  },
  "rename category C2": {
    mutation: (s) => ({ query: `mutation { updateCategory(id: "${s.c2.globalId}", input: { name: "Renamed" }) { category { id } } }` }),
    evicted: ["c2", "inParent", "sidebar"],
  },
  "rename author A": {
    mutation: (s) => ({ query: `mutation { updateAuthor(id: "${s.a.globalId}", input: { name: "Renamed" }) { author { id } } }` }),
    evicted: ["articleX", "authorA"],
  },
  "change the featured slot": {
    mutation: (s) => ({ query: `mutation { setFeatured(slot: "${s.slot}", items: [{ articleId: "${s.x.globalId}" }]) { slot } }` }),
    evicted: ["featured"],
  },
  "change the menu": {
    mutation: (s) => ({ query: `mutation { setMenu(location: "${s.menu}", items: [{ label: "Home", url: "/" }]) { menu { location } } }` }),
    evicted: ["menu"],
  },
  "change the site's settings": {
    mutation: () => ({ query: `mutation { updateSite(input: { title: "Renamed" }) { site { title } } }` }),
    evicted: ["site"],
    role: "admin",
  },
  "create a redirect": {
    mutation: (s) => ({ query: `mutation { createRedirect(from: "${s.oldPath}", to: "/${s.x.slug}/") { redirect { from } } }` }),
    evicted: ["oldPath"],
    role: "admin",
  },
};

/** Caches every operation, checks each is a hit, runs the edit; answers which were evicted, and checks no answer is stale. */
async function afterEdit(store: string, edit: Edit) {
  const clock = new ManualClock();
  const yoga = STORES[store]!(clock);
  const uncached = cachingServer(clock, { RESPONSE_CACHE_MAX_AGE: "0" });
  const site = await evictionSite(clock.now());
  const operations = evictionOperations(site);
  for (const query of Object.values(operations)) await post(yoga, query);
  for (const [op, query] of Object.entries(operations)) expect([op, (await post(yoga, query)).response.headers.get("x-cache")]).toEqual([op, "HIT"]);
  const { query, variables } = edit.mutation(site, clock.now());
  const result = await post(yoga, query, await tokenHeaders(edit.role ?? "editor"), variables);
  expect(result.body.errors).toBeUndefined();
  const evicted: string[] = [];
  for (const [op, query] of Object.entries(operations)) {
    const served = await post(yoga, query);
    if (served.response.headers.get("x-cache") !== "HIT") evicted.push(op);
    // Never too little: what the cache serves is what the database answers now.
    expect([op, served.body]).toEqual([op, (await post(uncached, query)).body]);
  }
  return { evicted, site, operations };
}

for (const store of Object.keys(STORES)) {
  describe(`an edit evicts only the answers it changes (${store})`, () => {
    for (const [name, edit] of Object.entries(EDITS)) {
      it(name, async () => {
        const { evicted } = await afterEdit(store, edit);
        expect(evicted.sort()).toEqual([...edit.evicted].sort());
      });
    }
  });
}

describe("a scheduled instant", () => {
  it("evicts what the article enters, the same keys publishing it then would", async () => {
    const clock = new ManualClock();
    const yoga = cachingServer(clock);
    const site = await evictionSite(clock.now());
    const at = new Date(clock.now().getTime() + HOUR);
    await post(yoga, EDITS["schedule draft D for an hour later"]!.mutation(site, clock.now()).query, await tokenHeaders("editor"), { at: at.toISOString() });
    const { keys } = await keysChangedBetween(clock.now(), at);
    expect(keys.sort()).toEqual([
      "Article:slug:" + site.d.slug,
      `Article:${site.d.id}`,
      "Articles", "Articles:content", "Articles:search", "Articles:title",
      `Author:${site.a.id}:articles`, `Author:${site.a.id}:articles:title`,
      `Author:slug:${site.a.slug}:articles`, `Author:slug:${site.a.slug}:articles:title`,
      "Categories:counts",
      `Category:${site.c1.id}:articles`, `Category:${site.c1.id}:articles:title`,
      `Category:${site.p.id}:articles`, `Category:${site.p.id}:articles:title`,
      `Category:slug:${site.c1.slug}:articles`, `Category:slug:${site.c1.slug}:articles:title`,
      `Category:slug:${site.p.slug}:articles`, `Category:slug:${site.p.slug}:articles:title`,
      `Uri:%2F${site.d.slug}%2F`,
    ].sort());
  });
});
