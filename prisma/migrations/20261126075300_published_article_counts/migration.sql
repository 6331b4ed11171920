-- Published-article counts of categories and authors, kept by triggers so that rows written by
-- any means are counted; "published" here is PUBLISHED with a publication time, and readers
-- subtract the ones scheduled for later (src/loaders/article-counts.ts). PostgreSQL's form is
-- prisma/postgresql/extra/published_article_counts.sql.

ALTER TABLE "Author" ADD COLUMN "publishedArticleCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Category" ADD COLUMN "publishedArticleCount" INTEGER NOT NULL DEFAULT 0;

-- Category-first reads of links (a category's articles) without touching the table.
DROP INDEX "ArticleCategory_categoryId_idx";
CREATE INDEX "ArticleCategory_categoryId_articleId_idx" ON "ArticleCategory"("categoryId", "articleId");

CREATE TRIGGER "ArticleCategory_count_inserted" AFTER INSERT ON "ArticleCategory"
WHEN EXISTS (SELECT 1 FROM "Article" WHERE "id" = NEW."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL)
BEGIN
  UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" + 1 WHERE "id" = NEW."categoryId";
END;

CREATE TRIGGER "ArticleCategory_count_deleted" AFTER DELETE ON "ArticleCategory"
WHEN EXISTS (SELECT 1 FROM "Article" WHERE "id" = OLD."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL)
BEGIN
  UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" - 1 WHERE "id" = OLD."categoryId";
END;

CREATE TRIGGER "ArticleCategory_count_updated" AFTER UPDATE OF "articleId", "categoryId" ON "ArticleCategory"
BEGIN
  UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" - 1
  WHERE "id" = OLD."categoryId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = OLD."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL);
  UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" + 1
  WHERE "id" = NEW."categoryId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = NEW."articleId" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL);
END;

CREATE TRIGGER "Article_count_inserted" AFTER INSERT ON "Article"
WHEN NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL
BEGIN
  UPDATE "Author" SET "publishedArticleCount" = "publishedArticleCount" + 1 WHERE "id" = NEW."authorId";
END;

CREATE TRIGGER "Article_count_updated" AFTER UPDATE OF "status", "publishedAt", "authorId" ON "Article"
BEGIN
  UPDATE "Author" SET "publishedArticleCount" = "publishedArticleCount" - 1
  WHERE "id" = OLD."authorId" AND OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL;
  UPDATE "Author" SET "publishedArticleCount" = "publishedArticleCount" + 1
  WHERE "id" = NEW."authorId" AND NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL;
  UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount"
    + (NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL) - (OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL)
  WHERE (NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL) <> (OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL)
    AND "id" IN (SELECT "categoryId" FROM "ArticleCategory" WHERE "articleId" = NEW."id");
END;

-- Before the delete, while the article's category links are still there.
CREATE TRIGGER "Article_count_deleted" BEFORE DELETE ON "Article"
WHEN OLD."status" = 'PUBLISHED' AND OLD."publishedAt" IS NOT NULL
BEGIN
  UPDATE "Author" SET "publishedArticleCount" = "publishedArticleCount" - 1 WHERE "id" = OLD."authorId";
  UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" - 1
  WHERE "id" IN (SELECT "categoryId" FROM "ArticleCategory" WHERE "articleId" = OLD."id");
END;

UPDATE "Author" SET "publishedArticleCount" = (
  SELECT COUNT(*) FROM "Article" WHERE "authorId" = "Author"."id" AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL);
UPDATE "Category" SET "publishedArticleCount" = (
  SELECT COUNT(*) FROM "ArticleCategory" JOIN "Article" ON "Article"."id" = "ArticleCategory"."articleId"
  WHERE "ArticleCategory"."categoryId" = "Category"."id" AND "Article"."status" = 'PUBLISHED' AND "Article"."publishedAt" IS NOT NULL);
