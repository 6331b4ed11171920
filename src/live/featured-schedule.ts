import type { Clock } from "../platform/clock.ts";
import { SCHEDULE_RECHECK_MS, nextScheduledChange, untilNextRead } from "../read/schedule.ts";
import { loadFeaturedItems, type FeaturedItemRow } from "../read/featured.ts";
import { anonymous } from "../domain/viewer.ts";

/** Slots per statement when every watched slot is read again. */
const SLOTS_PER_READ = 500;

interface WatchedSlot {
  watchers: number;
  /** The slot's live items as last read; a read in flight while there is no reading yet. */
  items: Promise<FeaturedItemRow[]> | undefined;
  reading: string | undefined;
  /** Which read of the slot is the latest started: an older one finishing later is ignored. */
  readNumber: number;
}

/**
 * The live items of the featured slots that have subscribers on this instance, read once per
 * slot and shared by every stream of it. A slot is read when its first stream opens, when an
 * editor changes it, and when what it shows may change by itself: at its next scheduled change
 * (src/read/schedule.ts), and at least every SCHEDULE_RECHECK_MS, so changes made without a
 * featured event (an article unpublished, edited or deleted) reach live widgets within it.
 * Subscribers are told a slot's new items when they differ from the last reading (always
 * after an edit).
 * Each instance does this for its own subscribers, so nothing is told twice.
 */
export class FeaturedSchedule {
  private readonly slots = new Map<string, WatchedSlot>();
  private wakeAt: number | undefined;
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly tell: (slot: string, items: FeaturedItemRow[]) => void,
    private readonly warn: (message: string) => void,
  ) {}

  /** Watches the slot until `unwatch` is called; `items` is its reading, shared with its other watchers. */
  watch(slot: string): { items: Promise<FeaturedItemRow[]>; unwatch: () => void } {
    let watched = this.slots.get(slot);
    if (!watched) this.slots.set(slot, (watched = { watchers: 0, items: undefined, reading: undefined, readNumber: 0 }));
    watched.watchers += 1;
    watched.items ??= this.read([slot], "first").then(() => watched.items!);
    let watching = true;
    return {
      items: watched.items,
      unwatch: () => {
        if (!watching) return;
        watching = false;
        if (--watched.watchers > 0) return;
        this.slots.delete(slot);
        if (this.slots.size === 0) this.stopTimer();
      },
    };
  }

  /** An editor changed the slot: read it again and tell its subscribers. */
  changed(slot: string): void {
    if (this.slots.has(slot)) void this.read([slot], "edited");
  }

  /**
   * Reads these slots in one statement. "first": sets the reading without telling anyone;
   * "edited": tells the new items; "recheck": tells those that differ from the last reading.
   */
  private async read(slots: string[], why: "first" | "edited" | "recheck"): Promise<void> {
    const now = this.clock.now();
    const started = slots.map((slot) => {
      const watched = this.slots.get(slot)!;
      return { slot, watched, readNumber: ++watched.readNumber };
    });
    try {
      const items = await loadFeaturedItems(slots, "live", { viewer: anonymous, now });
      for (const { slot, watched, readNumber } of started) {
        // A later read of the slot wins, but a slot's first reading is never left unset.
        if (this.slots.get(slot) !== watched || (watched.readNumber !== readNumber && watched.reading !== undefined)) continue;
        const slotItems = items.filter((item) => item.slot === slot);
        const reading = JSON.stringify(slotItems);
        const before = watched.reading;
        watched.reading = reading;
        watched.items = Promise.resolve(slotItems);
        if (why === "edited" || (why === "recheck" && before !== reading)) this.tell(slot, slotItems);
      }
      this.wakeIn(untilNextRead(await nextScheduledChange(now, slots), now), now);
    } catch (error) {
      // A first reading that failed is read again by the slot's next stream.
      for (const { watched } of started) if (watched.reading === undefined) watched.items = undefined;
      this.warn(`featured schedule: could not read the slots (${(error as Error).message}); retrying in ${SCHEDULE_RECHECK_MS} ms`);
      this.wakeIn(SCHEDULE_RECHECK_MS, now);
      if (why === "first") throw error;
    }
  }

  /** Makes sure every watched slot is read again within `ms` of `now`. */
  private wakeIn(ms: number, now: Date): void {
    if (this.slots.size === 0) return;
    const wakeAt = now.getTime() + ms;
    if (this.wakeAt !== undefined && this.wakeAt <= wakeAt) return;
    this.stopTimer();
    this.wakeAt = wakeAt;
    this.cancelTimer = this.clock.setTimer(ms, () => void this.recheck());
  }

  private async recheck(): Promise<void> {
    this.cancelTimer = undefined;
    this.wakeAt = undefined;
    const slots = [...this.slots.keys()];
    for (let start = 0; start < slots.length; start += SLOTS_PER_READ) {
      await this.read(slots.slice(start, start + SLOTS_PER_READ), "recheck");
    }
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.wakeAt = undefined;
  }
}
