import { createHash } from "node:crypto";
import type { SharedStore } from "./shared-store.ts";
import { codedError } from "../domain/errors.ts";

export interface RateLimit {
  /** What is counted, e.g. "ip" or "address". */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one attempt for `id` in the current fixed window (windows start at multiples of
 * windowSeconds since the epoch, by the caller's clock) and refuses it with RATE_LIMITED and
 * `retryAfter` (seconds until the window ends) once the window's limit is used up.
 */
export async function enforceRateLimit(store: SharedStore, rule: RateLimit, id: string, now: Date): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const window = Math.floor(now.getTime() / windowMs);
  const endsAt = (window + 1) * windowMs;
  // Keys name a hash of the address, so the shared store holds no e-mail or IP addresses.
  const key = createHash("sha256").update(id).digest("base64url").slice(0, 22);
  const count = await store.increment(`rate:${rule.scope}:${key}:${window}`, endsAt - now.getTime(), now);
  if (count > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
    throw codedError("RATE_LIMITED", `Too many attempts; try again in ${retryAfter} seconds`, { retryAfter });
  }
}
