import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Role } from "../domain/viewer.ts";

export const ROLES = ["editor", "admin"] as const satisfies readonly Role[];

const TOKEN_PREFIX = "ltn_";
const TOKEN_PATTERN = /^ltn_[A-Za-z0-9_-]{43}$/;
/** Recording every request's use would turn reads into writes; a minute's precision is enough. */
const LAST_USE_PRECISION_MS = 60_000;

export interface ApiTokenSummary {
  id: number;
  name: string;
  role: Role;
  /** The person the token acts for, or null. */
  authorId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** 32 random bytes: guessing is hopeless, so a fast hash (not a password hash) is the right store. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Stores the hash of a new token and returns the token itself: the only time it is ever shown. */
export async function createApiToken(
  prisma: PrismaClient,
  { name, role, authorId = null }: { name: string; role: Role; authorId?: number | null },
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new Error("A token name must be 1 to 100 characters");
  const token = generateToken();
  const row = await prisma.apiToken.create({ data: { name: trimmed, role, authorId, tokenHash: hashToken(token) } });
  return { token, summary: toSummary(row) };
}

export async function listApiTokens(prisma: PrismaClient): Promise<ApiTokenSummary[]> {
  const rows = await prisma.apiToken.findMany({ orderBy: { id: "asc" } });
  return rows.map(toSummary);
}

/** Returns false when there is no such token; revoking twice keeps the first revocation time. */
export async function revokeApiToken(prisma: PrismaClient, id: number): Promise<boolean> {
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row) return false;
  if (!row.revokedAt) await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return true;
}

/** The active token a bearer string belongs to, or null; records its use at most once a minute. */
export async function authenticateToken(
  prisma: PrismaClient,
  token: string,
  now: Date,
  writer: PrismaClient = prisma,
): Promise<ApiTokenSummary | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt || !isRole(row.role)) return null;
  const staleBefore = new Date(now.getTime() - LAST_USE_PRECISION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // Not awaited: the request need not wait for a running mutation to finish its transaction.
    writer
      .$transaction((tx) =>
        tx.apiToken.updateMany({
          where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
          data: { lastUsedAt: now },
        }),
      )
      .catch(() => {
        // Last use is informational; a failure to record it must not fail the request.
      });
  }
  return toSummary(row);
}

function toSummary(row: {
  id: number;
  name: string;
  role: string;
  authorId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenSummary {
  const { id, name, role, authorId, createdAt, lastUsedAt, revokedAt } = row;
  return { id, name, role: role as Role, authorId, createdAt, lastUsedAt, revokedAt };
}
