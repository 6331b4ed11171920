-- CreateIndex
CREATE INDEX "Article_status_title_idx" ON "Article"("status", "title");

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "Article_title_idx" ON "Article"("title");

