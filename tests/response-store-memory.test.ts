import { describe, expect, it } from "vitest";
import { memoryStore, type CachedResponse } from "../src/cache/store.ts";

const NOW = 1_000;
const answer = (keys: string[]): CachedResponse => ({ body: "{}", contentType: "application/json", etag: '"e"', keys, expiresAt: NOW + 60_000 });

// The in-memory store must not grow without bound: not with the size of the answers (a bound in
// bytes), nor with the number of keys ever evicted (editors creating articles all day evict new
// keys all day): it remembers a bounded number of evictions and refuses, rather than risks,
// answers made before the oldest one it remembers.
describe("the in-memory response store", () => {
  it("stores an answer made after the evictions it remembers, and refuses one made before them", async () => {
    const store = memoryStore({ maxEntries: 100, rememberedEvictions: 2 });
    const before = await store.get("old", NOW);
    await store.evict(["article:1"]);
    await store.evict(["article:2"]);
    await store.evict(["article:3"]); // article:1 is forgotten now
    await store.set("old", answer(["unrelated"]), NOW, before.version);
    expect((await store.get("old", NOW)).response).toBeUndefined();

    const after = await store.get("new", NOW);
    await store.set("new", answer(["unrelated"]), NOW, after.version);
    expect((await store.get("new", NOW)).response?.keys).toEqual(["unrelated"]);
  });

  it("still refuses an answer whose key was evicted while it was made", async () => {
    const store = memoryStore({ maxEntries: 100, rememberedEvictions: 2 });
    const lookup = await store.get("page", NOW);
    await store.evict(["article:1"]);
    await store.set("page", answer(["article:1"]), NOW, lookup.version);
    expect((await store.get("page", NOW)).response).toBeUndefined();
  });

  it("keeps at most maxBytes of answers, dropping the least recently used for one asked for more often", async () => {
    const store = memoryStore({ maxBytes: 100 });
    const sized = (characters: number, key: string): CachedResponse => ({ ...answer([key]), body: "x".repeat(characters) });
    await store.set("a", sized(20, "a"), NOW, 0); // 40 bytes
    await store.set("b", sized(20, "b"), NOW, 0);
    await store.get("c", NOW); // asked for once, a and b never
    await store.set("c", sized(20, "c"), NOW, 0); // 120 bytes: a goes
    expect((await store.get("a", NOW)).response).toBeUndefined();
    expect((await store.get("b", NOW)).response).toBeDefined();
    expect((await store.get("c", NOW)).response).toBeDefined();
    await store.set("huge", sized(60, "huge"), NOW, 0); // larger than the whole store: never kept
    expect((await store.get("huge", NOW)).response).toBeUndefined();
    expect((await store.get("c", NOW)).response).toBeDefined();
  });

  it("evicts answers by key after older answers were dropped for room", async () => {
    const store = memoryStore({ maxEntries: 1, rememberedEvictions: 2 });
    await store.set("a", answer(["shared"]), NOW, (await store.get("a", NOW)).version);
    await store.get("b", NOW); // asked for twice, a once
    await store.set("b", answer(["shared"]), NOW, (await store.get("b", NOW)).version); // drops a
    expect((await store.get("a", NOW)).response).toBeUndefined();
    await store.evict(["shared"]);
    expect((await store.get("b", NOW)).response).toBeUndefined();
  });
});
