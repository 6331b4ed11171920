-- CreateTable
CREATE TABLE "ContentChange" (
    "sequence" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "slug" TEXT,
    "uriBefore" TEXT,
    "uriAfter" TEXT,
    "cacheKeys" TEXT NOT NULL DEFAULT '[]',
    "detail" TEXT NOT NULL DEFAULT '{}',
    "tokenId" INTEGER,
    "actor" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "claimKey" TEXT
);

-- CreateTable
CREATE TABLE "ChangeConsumer" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "leaseHolder" TEXT,
    "leaseExpiresAt" DATETIME
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "description" TEXT,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "webhookId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "lastDurationMs" INTEGER,
    "attemptLog" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentChange_claimKey_key" ON "ContentChange"("claimKey");

-- CreateIndex
CREATE INDEX "ContentChange_type_sequence_idx" ON "ContentChange"("type", "sequence");

-- CreateIndex
CREATE INDEX "ContentChange_entityType_entityId_occurredAt_idx" ON "ContentChange"("entityType", "entityId", "occurredAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_id_idx" ON "WebhookDelivery"("webhookId", "id");

