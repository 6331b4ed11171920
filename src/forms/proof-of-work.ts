import { createChallenge, extractParams, verifySolution } from "altcha-lib";
import type { Challenge } from "altcha-lib/types";
import type { SharedStore } from "./shared-store.ts";

/** How long a challenge may be solved and sent back. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
const PROOF_MAX_LENGTH = 2000;

/** An ALTCHA challenge, signed with the forms secret; nothing is stored until it comes back solved. */
export function newChallenge(secret: string, maxNumber: number, now: Date): Promise<Challenge> {
  return createChallenge({ hmacKey: secret, maxNumber, expires: new Date(now.getTime() + CHALLENGE_TTL_MS) });
}

/**
 * Whether `proof` (the base64 JSON payload the ALTCHA widget produces) solves a challenge this
 * server signed that has not expired by `now` and has not been used before: each solution is
 * accepted once, so one solved challenge cannot carry a flood.
 */
export async function acceptProof(proof: string, secret: string, store: SharedStore, now: Date): Promise<boolean> {
  if (proof.length > PROOF_MAX_LENGTH) return false;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(proof, "base64").toString("utf8"));
  } catch {
    return false;
  }
  if (!isPayload(payload)) return false;
  // altcha-lib would check the expiry against the system clock; it is checked below against ours.
  if (!(await verifySolution(payload, secret, false))) return false;
  const expires = Number(extractParams(payload).expires) * 1000;
  if (!Number.isFinite(expires) || expires <= now.getTime()) return false;
  return store.claimOnce(`altcha:${payload.signature}`, expires - now.getTime(), now);
}

function isPayload(value: unknown): value is Parameters<typeof verifySolution>[0] & { signature: string } {
  if (typeof value !== "object" || value === null) return false;
  const { algorithm, challenge, number, salt, signature } = value as Record<string, unknown>;
  return (
    typeof algorithm === "string" && typeof challenge === "string" && typeof salt === "string" &&
    typeof signature === "string" && typeof number === "number" && Number.isSafeInteger(number)
  );
}
