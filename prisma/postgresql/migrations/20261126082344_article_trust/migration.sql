-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "editorialPolicyUrl" TEXT,
ADD COLUMN     "feedContent" TEXT NOT NULL DEFAULT 'EXCERPT',
ADD COLUMN     "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "authorId" INTEGER;

-- CreateTable
CREATE TABLE "AuthorProfile" (
    "authorId" INTEGER NOT NULL,
    "jobTitle" TEXT,
    "sameAs" TEXT NOT NULL DEFAULT '[]',
    "conflictOfInterest" TEXT,

    CONSTRAINT "AuthorProfile_pkey" PRIMARY KEY ("authorId")
);

-- CreateTable
CREATE TABLE "AuthorCredential" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT,
    "region" TEXT,

    CONSTRAINT "AuthorCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleContributor" (
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleContributor_pkey" PRIMARY KEY ("articleId","role","authorId")
);

-- CreateTable
CREATE TABLE "ArticleTrust" (
    "articleId" INTEGER NOT NULL,
    "requestedReviewerId" INTEGER,
    "requestedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewNotes" TEXT,
    "nextReviewDue" TIMESTAMPTZ(3),
    "factCheckedAt" TIMESTAMPTZ(3),
    "disclaimer" TEXT,

    CONSTRAINT "ArticleTrust_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "ArticleCitation" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "journal" TEXT,
    "year" INTEGER,
    "doi" TEXT,
    "pmid" TEXT,
    "url" TEXT,
    "accessedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ArticleCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleCorrection" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ArticleCorrection_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorProfile" ADD CONSTRAINT "AuthorProfile_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorCredential" ADD CONSTRAINT "AuthorCredential_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleContributor" ADD CONSTRAINT "ArticleContributor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleContributor" ADD CONSTRAINT "ArticleContributor_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTrust" ADD CONSTRAINT "ArticleTrust_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTrust" ADD CONSTRAINT "ArticleTrust_requestedReviewerId_fkey" FOREIGN KEY ("requestedReviewerId") REFERENCES "Author"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCitation" ADD CONSTRAINT "ArticleCitation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCorrection" ADD CONSTRAINT "ArticleCorrection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

