import type { Clock } from "../clock.ts";
import { nextFeaturedChange } from "./featured-boundaries.ts";
import { loadFeaturedItems } from "../loaders/featured.ts";
import { anonymous } from "../viewer.ts";

/**
 * How long a watched slot goes unchecked at most: changes made without a featured event (an
 * article unpublished, edited or deleted) reach live widgets within this time.
 */
export const RECHECK_MS = 30_000;

/**
 * Watches the featured slots that have live subscribers on this instance and tells them when
 * what a slot shows changes by itself: it wakes at the next window start or end (or publication
 * time of a featured article), reads the slots' live items and compares them with the last
 * reading. Each instance does this for its own subscribers, so nothing is told twice.
 */
export class FeaturedSchedule {
  private readonly watchers = new Map<string, number>();
  private readonly lastReading = new Map<string, string>();
  private cancelTimer: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly tell: (slot: string) => void,
    private readonly warn: (message: string) => void,
  ) {}

  /** Watches the slot until the returned function is called. */
  watch(slot: string): () => void {
    this.watchers.set(slot, (this.watchers.get(slot) ?? 0) + 1);
    void this.check();
    let watching = true;
    return () => {
      if (!watching) return;
      watching = false;
      const left = this.watchers.get(slot)! - 1;
      if (left > 0) return void this.watchers.set(slot, left);
      this.watchers.delete(slot);
      this.lastReading.delete(slot);
      if (this.watchers.size === 0) this.stopTimer();
    };
  }

  /** The slot changed and its subscribers were told: read it again without telling them twice. */
  changed(slot: string): void {
    if (this.watchers.has(slot)) void this.check(slot);
  }

  private check(alreadyTold?: string): Promise<void> {
    this.queue = this.queue.then(() => this.read(alreadyTold));
    return this.queue;
  }

  private async read(alreadyTold?: string): Promise<void> {
    this.stopTimer();
    const slots = [...this.watchers.keys()];
    if (slots.length === 0) return;
    const now = this.clock.now();
    let wait = RECHECK_MS;
    try {
      const items = await loadFeaturedItems(slots, "live", { viewer: anonymous, now });
      for (const slot of slots) {
        if (!this.watchers.has(slot)) continue;
        const reading = JSON.stringify(items.filter((item) => item.slot === slot));
        const before = this.lastReading.get(slot);
        this.lastReading.set(slot, reading);
        if (before !== undefined && before !== reading && slot !== alreadyTold) this.tell(slot);
      }
      const next = await nextFeaturedChange(slots, now);
      if (next) wait = Math.min(wait, Math.max(0, next.getTime() - now.getTime()));
    } catch (error) {
      this.warn(`featured schedule: could not read the slots (${(error as Error).message}); retrying in ${RECHECK_MS} ms`);
    }
    if (this.watchers.size > 0) this.cancelTimer = this.clock.setTimer(wait, () => void this.check());
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }
}
