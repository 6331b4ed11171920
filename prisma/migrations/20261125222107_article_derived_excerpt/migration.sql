-- AlterTable
ALTER TABLE "Article" ADD COLUMN "derivedExcerpt" TEXT NOT NULL DEFAULT '';
