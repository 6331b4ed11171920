-- Published-article counts of tags, kept by triggers like those of categories
-- (published_article_counts); readers subtract the ones scheduled for later (src/read/article-counts.ts).
CREATE FUNCTION "ArticleTag_count"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" - 1
    WHERE "id" = OLD."tagId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = OLD."articleId" AND "lantern_published"("status", "publishedAt") = 1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" + 1
    WHERE "id" = NEW."tagId" AND EXISTS (SELECT 1 FROM "Article" WHERE "id" = NEW."articleId" AND "lantern_published"("status", "publishedAt") = 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticleTag_count" AFTER INSERT OR DELETE OR UPDATE OF "articleId", "tagId" ON "ArticleTag"
FOR EACH ROW EXECUTE FUNCTION "ArticleTag_count"();

CREATE FUNCTION "Article_tag_count"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  was INTEGER := "lantern_published"(OLD."status", OLD."publishedAt");
  now_is INTEGER := CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE "lantern_published"(NEW."status", NEW."publishedAt") END;
BEGIN
  IF was <> now_is THEN
    UPDATE "Tag" SET "publishedArticleCount" = "publishedArticleCount" + now_is - was
    WHERE "id" IN (SELECT "tagId" FROM "ArticleTag" WHERE "articleId" = OLD."id");
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END $$;

CREATE TRIGGER "Article_tag_count_updated" AFTER UPDATE OF "status", "publishedAt" ON "Article"
FOR EACH ROW EXECUTE FUNCTION "Article_tag_count"();
-- Before the delete, while the article's tag links are still there.
CREATE TRIGGER "Article_tag_count_deleted" BEFORE DELETE ON "Article"
FOR EACH ROW EXECUTE FUNCTION "Article_tag_count"();
