-- Copies of each article's status, publication instant and author on its category links (see the
-- SQLite migration of the same name), kept by triggers and refused when they differ.
UPDATE "ArticleCategory" AS "link" SET "status" = "article"."status", "publishedAt" = "article"."publishedAt", "authorId" = "article"."authorId"
FROM "Article" AS "article" WHERE "article"."id" = "link"."articleId";

CREATE FUNCTION "ArticleCategory_copy"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  SELECT "status", "publishedAt", "authorId" INTO NEW."status", NEW."publishedAt", NEW."authorId"
  FROM "Article" WHERE "id" = NEW."articleId";
  RETURN NEW;
END $$;

-- Whatever a writer sends, the copies are the article's: set before the row is stored.
CREATE TRIGGER "ArticleCategory_copy" BEFORE INSERT OR UPDATE ON "ArticleCategory"
FOR EACH ROW EXECUTE FUNCTION "ArticleCategory_copy"();

CREATE FUNCTION "Article_copy"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ArticleCategory" SET "status" = NEW."status", "publishedAt" = NEW."publishedAt", "authorId" = NEW."authorId"
  WHERE "articleId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_copy" AFTER UPDATE OF "status", "publishedAt", "authorId" ON "Article"
FOR EACH ROW EXECUTE FUNCTION "Article_copy"();
