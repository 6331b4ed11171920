import { createHash } from "node:crypto";

/**
 * How often each answer was asked for, approximately and in bounded memory (TinyLFU's
 * count-min sketch): two rows of 4-bit counters, an answer counting in one counter of each and
 * estimated by the smaller. Every `RESET_AFTER` lookups all counters are halved, so that what was
 * popular once fades. Shared by both stores: the memory store keeps the counters in a buffer,
 * the Redis store in a string of its own, with BITFIELD at the same slots.
 */
export const SKETCH_WIDTH = 2 ** 15;
export const SKETCH_ROWS = 2;
export const SKETCH_BYTES = (SKETCH_WIDTH * SKETCH_ROWS) / 2;
export const RESET_AFTER = 10 * SKETCH_WIDTH;
const MAX_COUNT = 15;

/** The counters an answer id counts in: one per row. */
export function sketchSlots(id: string): [number, number] {
  const digest = createHash("sha256").update(id).digest();
  return [digest.readUInt16BE(0) % SKETCH_WIDTH, SKETCH_WIDTH + (digest.readUInt16BE(2) % SKETCH_WIDTH)];
}

export class FrequencySketch {
  private readonly counts = new Uint8Array(SKETCH_WIDTH * SKETCH_ROWS);
  private additions = 0;

  increment(id: string): void {
    for (const slot of sketchSlots(id)) if (this.counts[slot]! < MAX_COUNT) this.counts[slot]! += 1;
    if (++this.additions < RESET_AFTER) return;
    this.additions = 0;
    for (let slot = 0; slot < this.counts.length; slot++) this.counts[slot]! >>= 1;
  }

  estimate(id: string): number {
    return Math.min(...sketchSlots(id).map((slot) => this.counts[slot]!));
  }
}
