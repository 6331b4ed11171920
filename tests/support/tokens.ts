import { db } from "../../src/db/client.ts";
import { createApiToken, revokeApiToken } from "../../src/auth/tokens.ts";
import type { Role } from "../../src/domain/viewer.ts";

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Headers of a fresh token, created the way `npm run token -- create` does. */
export async function tokenHeaders(role: Role): Promise<Record<string, string>> {
  const { token } = await createApiToken(db(), { name: `Test ${role}`, role });
  return bearer(token);
}

export async function revokedTokenHeaders(): Promise<Record<string, string>> {
  const { token, summary } = await createApiToken(db(), { name: "Revoked editor", role: "editor" });
  await revokeApiToken(db(), summary.id);
  return bearer(token);
}
