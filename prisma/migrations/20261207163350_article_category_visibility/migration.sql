-- Copies of each article's status, publication instant and author on its category links, so that
-- counts and pages filtered by category read the links' indexes and never the article rows.
-- Triggers keep the copies in step whatever writes the rows, and refuse a copy that differs from
-- its article. Written as ALTER TABLE: a rebuilt table would lose the count triggers.
-- PostgreSQL's form is prisma/postgresql/extra/article_category_visibility.sql.

ALTER TABLE "ArticleCategory" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'DRAFT';
ALTER TABLE "ArticleCategory" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "ArticleCategory" ADD COLUMN "authorId" INTEGER;

UPDATE "ArticleCategory" SET ("status", "publishedAt", "authorId") =
  (SELECT "status", "publishedAt", "authorId" FROM "Article" WHERE "Article"."id" = "ArticleCategory"."articleId");

CREATE INDEX "ArticleCategory_categoryId_status_publishedAt_articleId_idx" ON "ArticleCategory"("categoryId", "status", "publishedAt", "articleId");
CREATE INDEX "ArticleCategory_categoryId_authorId_status_publishedAt_articleId_idx" ON "ArticleCategory"("categoryId", "authorId", "status", "publishedAt", "articleId");

CREATE TRIGGER "ArticleCategory_copy_inserted" AFTER INSERT ON "ArticleCategory"
BEGIN
  UPDATE "ArticleCategory" SET ("status", "publishedAt", "authorId") =
    (SELECT "status", "publishedAt", "authorId" FROM "Article" WHERE "id" = NEW."articleId")
  WHERE "articleId" = NEW."articleId" AND "categoryId" = NEW."categoryId";
END;

CREATE TRIGGER "ArticleCategory_copy_moved" AFTER UPDATE OF "articleId" ON "ArticleCategory"
BEGIN
  UPDATE "ArticleCategory" SET ("status", "publishedAt", "authorId") =
    (SELECT "status", "publishedAt", "authorId" FROM "Article" WHERE "id" = NEW."articleId")
  WHERE "articleId" = NEW."articleId" AND "categoryId" = NEW."categoryId";
END;

CREATE TRIGGER "Article_copy_updated" AFTER UPDATE OF "status", "publishedAt", "authorId" ON "Article"
BEGIN
  UPDATE "ArticleCategory" SET "status" = NEW."status", "publishedAt" = NEW."publishedAt", "authorId" = NEW."authorId"
  WHERE "articleId" = NEW."id";
END;

CREATE TRIGGER "ArticleCategory_copy_guarded" AFTER UPDATE OF "status", "publishedAt", "authorId" ON "ArticleCategory"
WHEN NOT EXISTS (
  SELECT 1 FROM "Article" WHERE "id" = NEW."articleId"
    AND "status" = NEW."status" AND "publishedAt" IS NEW."publishedAt" AND "authorId" IS NEW."authorId")
BEGIN
  SELECT RAISE(ABORT, 'ArticleCategory copies the article''s status, publishedAt and authorId');
END;
