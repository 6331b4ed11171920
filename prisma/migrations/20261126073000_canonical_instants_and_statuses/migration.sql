-- Instants that decide what readers see (publication times, featured windows) are stored in
-- one canonical form, the one Prisma writes: UTC text 'YYYY-MM-DDTHH:MM:SS.sss+00:00'. SQLite
-- compares such text in instant order; other forms (CURRENT_TIMESTAMP's '2026-11-26 07:19:51',
-- integer milliseconds, other offsets) would compare as text and publish scheduled articles
-- early, so CHECK constraints refuse them. Statuses are constrained to their values.
-- Existing rows are converted: every date form SQLite understands becomes the canonical one
-- (integers are read as Unix milliseconds); an unknown status becomes DRAFT (hidden).
-- Keep these constraints when Prisma redefines one of these tables in a later migration
-- (tests/canonical-dates.test.ts fails without them).

PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;

CREATE TABLE "new_Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "excerpt" TEXT,
    "body" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "featuredImageUrl" TEXT,
    "videoUrl" TEXT,
    "authorId" INTEGER NOT NULL,
    "derivedExcerpt" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Article_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_status_check" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    CONSTRAINT "Article_publishedAt_canonical" CHECK ("publishedAt" IS NULL OR (typeof("publishedAt") = 'text' AND "publishedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "publishedAt")))
);
INSERT INTO "new_Article" ("id", "slug", "title", "excerpt", "body", "bodyText", "wordCount", "status", "publishedAt", "createdAt", "updatedAt", "version", "featuredImageUrl", "videoUrl", "authorId", "derivedExcerpt")
SELECT "id", "slug", "title", "excerpt", "body", "bodyText", "wordCount", CASE WHEN upper(trim("status")) IN ('DRAFT', 'PUBLISHED', 'ARCHIVED') THEN upper(trim("status")) ELSE 'DRAFT' END, CASE WHEN typeof("publishedAt") IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', "publishedAt" / 1000.0, 'unixepoch') ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', "publishedAt") END, "createdAt", "updatedAt", "version", "featuredImageUrl", "videoUrl", "authorId", "derivedExcerpt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");
CREATE INDEX "Article_authorId_status_publishedAt_idx" ON "Article"("authorId", "status", "publishedAt");

CREATE TABLE "new_Page" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PUBLISHED',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Page_status_check" CHECK ("status" IN ('DRAFT', 'PUBLISHED'))
);
INSERT INTO "new_Page" ("id", "slug", "title", "body", "status", "createdAt", "updatedAt")
SELECT "id", "slug", "title", "body", CASE WHEN upper(trim("status")) IN ('DRAFT', 'PUBLISHED') THEN upper(trim("status")) ELSE 'DRAFT' END, "createdAt", "updatedAt" FROM "Page";
DROP TABLE "Page";
ALTER TABLE "new_Page" RENAME TO "Page";
CREATE UNIQUE INDEX "Page_slug_key" ON "Page"("slug");

CREATE TABLE "new_FeaturedItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slot" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "title" TEXT,
    "excerpt" TEXT,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    CONSTRAINT "FeaturedItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeaturedItem_startsAt_canonical" CHECK ("startsAt" IS NULL OR (typeof("startsAt") = 'text' AND "startsAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "startsAt"))),
    CONSTRAINT "FeaturedItem_endsAt_canonical" CHECK ("endsAt" IS NULL OR (typeof("endsAt") = 'text' AND "endsAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "endsAt")))
);
INSERT INTO "new_FeaturedItem" ("id", "slot", "position", "articleId", "title", "excerpt", "startsAt", "endsAt")
SELECT "id", "slot", "position", "articleId", "title", "excerpt", CASE WHEN typeof("startsAt") IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', "startsAt" / 1000.0, 'unixepoch') ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', "startsAt") END, CASE WHEN typeof("endsAt") IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', "endsAt" / 1000.0, 'unixepoch') ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', "endsAt") END FROM "FeaturedItem";
DROP TABLE "FeaturedItem";
ALTER TABLE "new_FeaturedItem" RENAME TO "FeaturedItem";
CREATE INDEX "FeaturedItem_slot_position_idx" ON "FeaturedItem"("slot", "position");

PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
