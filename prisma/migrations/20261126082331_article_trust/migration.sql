-- CreateTable
CREATE TABLE "AuthorProfile" (
    "authorId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobTitle" TEXT,
    "sameAs" TEXT NOT NULL DEFAULT '[]',
    "conflictOfInterest" TEXT,
    CONSTRAINT "AuthorProfile_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthorCredential" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "authorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT,
    "region" TEXT,
    CONSTRAINT "AuthorCredential_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleContributor" (
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "role", "authorId"),
    CONSTRAINT "ArticleContributor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleContributor_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleTrust" (
    "articleId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestedReviewerId" INTEGER,
    "requestedAt" DATETIME,
    "reviewedAt" DATETIME,
    "reviewNotes" TEXT,
    "nextReviewDue" DATETIME,
    "factCheckedAt" DATETIME,
    "disclaimer" TEXT,
    CONSTRAINT "ArticleTrust_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleTrust_requestedReviewerId_fkey" FOREIGN KEY ("requestedReviewerId") REFERENCES "Author" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleCitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "journal" TEXT,
    "year" INTEGER,
    "doi" TEXT,
    "pmid" TEXT,
    "url" TEXT,
    "accessedAt" DATETIME,
    CONSTRAINT "ArticleCitation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleCorrection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ArticleCorrection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "title" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "copyright" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "editorialPolicyUrl" TEXT,
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 24,
    "feedContent" TEXT NOT NULL DEFAULT 'EXCERPT'
);
INSERT INTO "new_SiteSettings" ("copyright", "id", "tagline", "title", "updatedAt") SELECT "copyright", "id", "tagline", "title", "updatedAt" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
CREATE TABLE "new_ApiToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("createdAt", "id", "lastUsedAt", "name", "revokedAt", "role", "tokenHash") SELECT "createdAt", "id", "lastUsedAt", "name", "revokedAt", "role", "tokenHash" FROM "ApiToken";
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuthorCredential_authorId_position_idx" ON "AuthorCredential"("authorId", "position");

-- CreateIndex
CREATE INDEX "ArticleContributor_authorId_idx" ON "ArticleContributor"("authorId");

-- CreateIndex
CREATE INDEX "ArticleTrust_nextReviewDue_idx" ON "ArticleTrust"("nextReviewDue");

-- CreateIndex
CREATE INDEX "ArticleCitation_articleId_position_idx" ON "ArticleCitation"("articleId", "position");

-- CreateIndex
CREATE INDEX "ArticleCorrection_articleId_at_idx" ON "ArticleCorrection"("articleId", "at");

