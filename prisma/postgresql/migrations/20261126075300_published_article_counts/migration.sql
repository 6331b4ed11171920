-- DropIndex
DROP INDEX "ArticleCategory_categoryId_idx";

-- AlterTable
ALTER TABLE "Author" ADD COLUMN     "publishedArticleCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "publishedArticleCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ArticleCategory_categoryId_articleId_idx" ON "ArticleCategory"("categoryId", "articleId");


-- Published-article counts of categories and authors, kept by triggers so that rows written by
-- any means are counted; "published" here is PUBLISHED with a publication time, and readers
-- subtract the ones scheduled for later (src/loaders/article-counts.ts).
CREATE FUNCTION "lantern_published"("status" TEXT, "publishedAt" TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL THEN 1 ELSE 0 END $$;

CREATE FUNCTION "ArticleCategory_count"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" - 1
    WHERE "id" = OLD."categoryId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = OLD."articleId" AND "lantern_published"("status", "publishedAt") = 1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" + 1
    WHERE "id" = NEW."categoryId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = NEW."articleId" AND "lantern_published"("status", "publishedAt") = 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticleCategory_count" AFTER INSERT OR DELETE OR UPDATE OF "articleId", "categoryId" ON "ArticleCategory"
FOR EACH ROW EXECUTE FUNCTION "ArticleCategory_count"();

CREATE FUNCTION "Article_count"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  was INTEGER := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE "lantern_published"(OLD."status", OLD."publishedAt") END;
  now_is INTEGER := CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE "lantern_published"(NEW."status", NEW."publishedAt") END;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND was = 1 THEN
    UPDATE "Author" SET "publishedArticleCount" = "publishedArticleCount" - 1 WHERE "id" = OLD."authorId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND now_is = 1 THEN
    UPDATE "Author" SET "publishedArticleCount" = "publishedArticleCount" + 1 WHERE "id" = NEW."authorId";
  END IF;
  IF TG_OP <> 'INSERT' AND was <> now_is THEN
    UPDATE "Category" SET "publishedArticleCount" = "publishedArticleCount" + now_is - was
    WHERE "id" IN (SELECT "categoryId" FROM "ArticleCategory" WHERE "articleId" = OLD."id");
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END $$;

CREATE TRIGGER "Article_count_written" AFTER INSERT OR UPDATE OF "status", "publishedAt", "authorId" ON "Article"
FOR EACH ROW EXECUTE FUNCTION "Article_count"();
-- Before the delete, while the article's category links are still there.
CREATE TRIGGER "Article_count_deleted" BEFORE DELETE ON "Article"
FOR EACH ROW EXECUTE FUNCTION "Article_count"();

UPDATE "Author" SET "publishedArticleCount" = (
  SELECT COUNT(*) FROM "Article" WHERE "authorId" = "Author"."id" AND "lantern_published"("status", "publishedAt") = 1);
UPDATE "Category" SET "publishedArticleCount" = (
  SELECT COUNT(*) FROM "ArticleCategory" JOIN "Article" ON "Article"."id" = "ArticleCategory"."articleId"
  WHERE "ArticleCategory"."categoryId" = "Category"."id" AND "lantern_published"("Article"."status", "Article"."publishedAt") = 1);
