-- Related article ids, computed when an article or its pins are saved (src/write/related.ts).
-- Written as ALTER TABLE: Prisma's rebuild of "Article" would drop its CHECK constraints and triggers.
ALTER TABLE "Article" ADD COLUMN "relatedIds" TEXT NOT NULL DEFAULT '';
