-- CreateTable
CREATE TABLE "ArticleRelatedPin" (
    "articleId" INTEGER NOT NULL,
    "relatedId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "relatedId"),
    CONSTRAINT "ArticleRelatedPin_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleRelatedPin_relatedId_fkey" FOREIGN KEY ("relatedId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ArticleRelatedPin_relatedId_idx" ON "ArticleRelatedPin"("relatedId");


-- Full-text search (src/read/search/sqlite.ts): an FTS5 index of each article's title, written
-- excerpt and body text, reading its text from "Article" (external content) and kept in step by
-- the triggers below, in the transaction of every write (the API's, an import's, a migration's).
-- Words are folded (case, diacritics: "angste" finds "Ängste") and stemmed (porter). PostgreSQL's
-- form is prisma/postgresql/extra/article_search.sql. A later migration that rebuilds "Article"
-- (CREATE TABLE "new_Article") drops these triggers: create them again and run 'rebuild'.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
  "title", "excerpt", "bodyText",
  content = 'Article', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Article_search_inserted" AFTER INSERT ON "Article"
BEGIN
  INSERT INTO "ArticleSearch" ("rowid", "title", "excerpt", "bodyText") VALUES (NEW."id", NEW."title", NEW."excerpt", NEW."bodyText");
END;

CREATE TRIGGER "Article_search_deleted" AFTER DELETE ON "Article"
BEGIN
  INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "excerpt", "bodyText") VALUES ('delete', OLD."id", OLD."title", OLD."excerpt", OLD."bodyText");
END;

CREATE TRIGGER "Article_search_updated" AFTER UPDATE OF "id", "title", "excerpt", "bodyText" ON "Article"
BEGIN
  INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "excerpt", "bodyText") VALUES ('delete', OLD."id", OLD."title", OLD."excerpt", OLD."bodyText");
  INSERT INTO "ArticleSearch" ("rowid", "title", "excerpt", "bodyText") VALUES (NEW."id", NEW."title", NEW."excerpt", NEW."bodyText");
END;

-- The articles already there.
INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild');
