import { describe, expect, it } from "vitest";
import { db, writeDb } from "../src/db/client.ts";
import { backfillDerivedExcerpts } from "../src/write/maintenance/derived-excerpts.ts";
import { deriveExcerpt } from "../src/domain/text.ts";

describe("derived excerpts", () => {
  it("are stored with the body and backfilled for articles saved before the column existed", async () => {
    const stored = await db().article.findFirstOrThrow({ where: { slug: "the-therapeutic-relationship" } });
    expect(stored.derivedExcerpt).toBe(deriveExcerpt(stored.bodyText));
    expect(stored.derivedExcerpt.startsWith("Sitting down with a therapist")).toBe(true);

    await db().article.updateMany({ where: { id: { in: [stored.id, stored.id + 1] } }, data: { derivedExcerpt: "" } });
    expect(await backfillDerivedExcerpts(writeDb())).toBe(2);
    expect((await db().article.findUniqueOrThrow({ where: { id: stored.id } })).derivedExcerpt).toBe(stored.derivedExcerpt);
    expect(await backfillDerivedExcerpts(writeDb())).toBe(0);
  });
});
