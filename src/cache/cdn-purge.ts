import { Counter } from "prom-client";
import type { Clock } from "../platform/clock.ts";
import { metricsRegistry } from "../platform/metrics-registry.ts";

const purgeFailures = new Counter({
  name: "lantern_cdn_purge_failures_total",
  help: "CDN purges given up after every retry (the CDN keeps those answers until they expire)",
  registers: [metricsRegistry],
});

export const PURGE_ATTEMPTS = 5;
/** Waits between attempts: 200 ms, then doubling (200, 400, 800, 1600). */
export const PURGE_FIRST_WAIT_MS = 200;
const PURGE_TIMEOUT_MS = 5000;

export type Purger = (keys: readonly string[]) => void;

/**
 * Purges cache keys at a CDN: `PURGE <url>` with the keys, space-separated, in `xkey` (Varnish's
 * xkey module) and `Surrogate-Key`. Returns at once: retries with back-off happen in the
 * background, and a purge that fails every attempt is logged and counted, never thrown.
 */
export function cdnPurger(url: string | undefined, clock: Clock, log: (message: string) => void): Purger {
  if (!url) return () => undefined;
  const send = async (keys: string) => {
    const response = await fetch(url, {
      method: "PURGE",
      headers: { xkey: keys, "surrogate-key": keys },
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
  const attempt = (keys: string, number: number) => {
    send(keys).catch((error: Error) => {
      if (number < PURGE_ATTEMPTS) {
        clock.setTimer(PURGE_FIRST_WAIT_MS * 2 ** (number - 1), () => attempt(keys, number + 1));
        return;
      }
      purgeFailures.inc();
      log(`CDN purge of ${keys} failed ${PURGE_ATTEMPTS} times (last: ${error.message}); those answers stay at the CDN until they expire`);
    });
  };
  return (keys) => {
    if (keys.length) attempt(keys.join(" "), 1);
  };
}
