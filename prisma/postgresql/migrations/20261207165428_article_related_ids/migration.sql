-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "relatedIds" TEXT NOT NULL DEFAULT '';

