import { db, writeDb } from "../db.ts";
import { anonymous, type Viewer } from "../viewer.ts";
import { authenticateToken } from "./tokens.ts";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who is asking: a valid `Authorization: Bearer <token>` makes an editor or admin; anything
 * else (no header, unknown or revoked token) reads anonymously, and protected fields refuse it.
 */
export async function viewerFromRequest(request: Request, now: Date): Promise<Viewer> {
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  if (!match) return anonymous;
  const token = await authenticateToken(db(), match[1]!, now, writeDb());
  return token ? { kind: "token", tokenId: token.id, name: token.name, role: token.role } : anonymous;
}
