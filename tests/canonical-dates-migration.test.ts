import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../src/db/client.ts";
import { onPostgres } from "./support/database.ts";

// SQLite before the canonical-instants migration took any date form; the migration converts
// what is there. (PostgreSQL stores timestamptz from its first migration.)
const MIGRATIONS = "prisma/migrations";
const CANONICAL = "20261126073000_canonical_instants_and_statuses";

function statements(migration: string): string[] {
  return readFileSync(join(MIGRATIONS, migration, "migration.sql"), "utf8")
    .split(/;\s*\n/)
    .filter((statement) => /\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(statement));
}

describe.skipIf(onPostgres)("the canonical-instants migration", () => {
  const file = join(mkdtempSync(join(tmpdir(), "lantern-migration-")), "old.db");
  writeFileSync(file, "");
  const prisma = createPrismaClient(`file:${file}`);
  afterAll(() => prisma.$disconnect());

  it("converts every date form SQLite understands into the canonical one, and unknown statuses into DRAFT", async () => {
    const earlier = readdirSync(MIGRATIONS).filter((name) => /^\d/.test(name) && name < CANONICAL).sort();
    for (const migration of earlier) for (const statement of statements(migration)) await prisma.$executeRawUnsafe(statement);

    const at = "2026-11-26T07:19:51.250+00:00";
    const forms = { canonical: `'${at}'`, z: "'2026-11-26T07:19:51.250Z'", space: "'2026-11-26 07:19:51.250'", offset: "'2026-11-26T09:19:51.250+02:00'", ms: String(Date.parse(at)) };
    await prisma.$executeRawUnsafe(`INSERT INTO "Author" ("slug", "name", "updatedAt") VALUES ('a', 'A', '${at}')`);
    for (const [slug, value] of Object.entries(forms)) {
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "publishedAt", "updatedAt", "authorId")
         VALUES ('${slug}', 't', 'b', 'b', 1, 'PUBLISHED', ${value}, '${at}', 1)`,
      );
      await prisma.$executeRawUnsafe(`INSERT INTO "FeaturedItem" ("slot", "position", "articleId", "startsAt", "endsAt") SELECT 's', 0, "id", ${value}, ${value} FROM "Article" WHERE "slug" = '${slug}'`);
    }
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Article" ("slug", "title", "body", "bodyText", "wordCount", "status", "updatedAt", "authorId") VALUES ('odd', 't', 'b', 'b', 1, 'Live', '${at}', 1)`,
    );
    await prisma.$executeRawUnsafe(`INSERT INTO "Page" ("slug", "title", "body", "status", "updatedAt") VALUES ('p', 't', 'b', 'published', '${at}')`);

    for (const statement of statements(CANONICAL)) await prisma.$executeRawUnsafe(statement);

    const articles = await prisma.$queryRawUnsafe<{ slug: string; status: string; publishedAt: string | null }[]>(
      `SELECT "slug", "status", CAST("publishedAt" AS TEXT) AS "publishedAt" FROM "Article" ORDER BY "id"`,
    );
    expect(articles).toEqual([
      ...Object.keys(forms).map((slug) => ({ slug, status: "PUBLISHED", publishedAt: at })),
      { slug: "odd", status: "DRAFT", publishedAt: null },
    ]);
    const windows = await prisma.$queryRawUnsafe<{ startsAt: string; endsAt: string }[]>(
      `SELECT CAST("startsAt" AS TEXT) AS "startsAt", CAST("endsAt" AS TEXT) AS "endsAt" FROM "FeaturedItem"`,
    );
    expect(windows).toEqual(Object.keys(forms).map(() => ({ startsAt: at, endsAt: at })));
    expect(await prisma.$queryRawUnsafe(`SELECT "status" FROM "Page"`)).toEqual([{ status: "PUBLISHED" }]);
  });
});
