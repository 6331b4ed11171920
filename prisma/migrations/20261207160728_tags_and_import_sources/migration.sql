-- CreateTable
CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "publishedArticleCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ArticleTag" (
    "articleId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "tagId"),
    CONSTRAINT "ArticleTag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "site" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "rowId" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "importedSlug" TEXT,
    "importedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE INDEX "ArticleTag_tagId_articleId_idx" ON "ArticleTag"("tagId", "articleId");

-- CreateIndex
CREATE INDEX "ImportSource_kind_rowId_idx" ON "ImportSource"("kind", "rowId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportSource_site_kind_externalId_key" ON "ImportSource"("site", "kind", "externalId");


-- Published-article counts of tags, kept by triggers like those of categories
-- (published_article_counts). PostgreSQL's form is prisma/postgresql/extra/tags_and_import_sources.sql.
CREATE TRIGGER "ArticleTag_count_inserted" AFTER INSERT ON "ArticleTag"
WHEN EXISTS (SELECT 1 FROM "Article" WHERE "id" = NEW."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL)
BEGIN
  UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" + 1 WHERE "id" = NEW."tagId";
END;

CREATE TRIGGER "ArticleTag_count_deleted" AFTER DELETE ON "ArticleTag"
WHEN EXISTS (SELECT 1 FROM "Article" WHERE "id" = OLD."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL)
BEGIN
  UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" - 1 WHERE "id" = OLD."tagId";
END;

CREATE TRIGGER "ArticleTag_count_updated" AFTER UPDATE OF "articleId", "tagId" ON "ArticleTag"
BEGIN
  UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" - 1
  WHERE "id" = OLD."tagId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = OLD."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL);
  UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" + 1
  WHERE "id" = NEW."tagId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = NEW."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL);
END;

CREATE TRIGGER "Article_tag_count_updated" AFTER UPDATE OF "status", "publishedAt" ON "Article"
WHEN (NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL) <> (OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL)
BEGIN
  UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount"
    + (NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL) - (OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL)
  WHERE "id" IN (SELECT "tagId" FROM "ArticleTag" WHERE "articleId" = NEW."id");
END;

-- Before the delete, while the article's tag links are still there.
CREATE TRIGGER "Article_tag_count_deleted" BEFORE DELETE ON "Article"
WHEN OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL
BEGIN
  UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" - 1
  WHERE "id" IN (SELECT "tagId" FROM "ArticleTag" WHERE "articleId" = OLD."id");
END;
