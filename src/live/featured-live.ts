import { Repeater, SlidingBuffer } from "graphql-yoga";
import { createLogger } from "../platform/logging.ts";
import type { Config } from "../platform/settings.ts";
import { onDraining } from "../platform/shutdown.ts";
import { systemClock, type Clock } from "../platform/clock.ts";
import { codedError } from "../domain/errors.ts";
import type { FeaturedItemRow } from "../read/featured.ts";
import { inProcessFeaturedEvents, redisFeaturedEvents, type FeaturedEvents } from "./featured-events.ts";
import { FeaturedSchedule } from "./featured-schedule.ts";

/** Live featured slots for one Lantern instance: what `featuredChanged` subscriptions listen to. */
export interface FeaturedLive {
  /** The time subscriptions read the slots at. */
  clock: Clock;
  /** Tells every subscriber, on every instance, that an editor changed the slot. Never throws. */
  slotEdited(slot: string): Promise<void>;
  /**
   * The slot's live items at once, then again whenever they may have changed: an editor's
   * change on any instance, or a window opening or closing; one reading per slot, shared by its
   * streams. Ends when the server starts shutting down. Throws RATE_LIMITED when `client` has
   * LIVE_STREAMS_PER_CLIENT streams open, or this instance LIVE_STREAMS_TOTAL.
   */
  changes(slot: string, client: string): AsyncIterable<FeaturedItemRow[]>;
  close(): Promise<void>;
}

type Settings = Pick<Config, "REDIS_URL" | "REDIS_PREFIX" | "LOG_LEVEL" | "LIVE_STREAMS_PER_CLIENT" | "LIVE_STREAMS_TOTAL">;

export function createFeaturedLive(settings: Settings, clock: Clock = systemClock): FeaturedLive {
  const logger = createLogger(settings.LOG_LEVEL);
  const warn = (message: string) => logger.warn(message);
  const events: FeaturedEvents = settings.REDIS_URL
    ? redisFeaturedEvents(settings.REDIS_URL, settings.REDIS_PREFIX, warn)
    : inProcessFeaturedEvents();

  const streamsOfSlot = new Map<string, Set<(items: FeaturedItemRow[]) => void>>();
  const tell = (slot: string, items: FeaturedItemRow[]) => {
    for (const stream of [...(streamsOfSlot.get(slot) ?? [])]) stream(items);
  };
  const schedule = new FeaturedSchedule(clock, tell, warn);
  const streams = new StreamCount(settings);

  // One listener on the shared events while this instance has streams.
  let listening: Promise<() => void> | undefined;
  const startListening = () => (listening ??= events.listen((slot) => schedule.changed(slot)));
  const stopListeningWhenIdle = () => {
    if (streamsOfSlot.size > 0 || !listening) return;
    const stopping = listening;
    listening = undefined;
    void stopping.then((unlisten) => unlisten());
  };

  return {
    clock,
    slotEdited: (slot) => events.publish(slot),
    changes(slot, client) {
      const release = streams.open(client);
      const repeater = new Repeater<FeaturedItemRow[]>(async (push, stop) => {
        const stream = (items: FeaturedItemRow[]) => void push(items);
        let ofSlot = streamsOfSlot.get(slot);
        if (!ofSlot) streamsOfSlot.set(slot, (ofSlot = new Set()));
        ofSlot.add(stream);
        const stopWhenDraining = onDraining(() => stop());
        const { items, unwatch } = schedule.watch(slot);
        try {
          await startListening();
          await push(await items);
          await stop;
        } finally {
          ofSlot.delete(stream);
          if (ofSlot.size === 0 && streamsOfSlot.get(slot) === ofSlot) streamsOfSlot.delete(slot);
          stopWhenDraining();
          unwatch();
          stopListeningWhenIdle();
          release();
        }
      }, new SlidingBuffer(1));
      return releasingOnReturn(repeater, release);
    },
    close: () => events.close(),
  };
}

/** Open streams per client address and in all, within the settings' caps. */
class StreamCount {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(private readonly caps: Pick<Config, "LIVE_STREAMS_PER_CLIENT" | "LIVE_STREAMS_TOTAL">) {}

  /** Counts a new stream of `client`'s, or throws RATE_LIMITED; the returned function (idempotent) ends it. */
  open(client: string): () => void {
    const ofClient = this.perClient.get(client) ?? 0;
    if (ofClient >= this.caps.LIVE_STREAMS_PER_CLIENT) {
      throw codedError("RATE_LIMITED", `At most ${this.caps.LIVE_STREAMS_PER_CLIENT} live streams per client are open at once: close one first`, {
        limit: "LIVE_STREAMS_PER_CLIENT",
      });
    }
    if (this.total >= this.caps.LIVE_STREAMS_TOTAL) {
      throw codedError("RATE_LIMITED", "This server has as many live streams open as it serves: try again later", { limit: "LIVE_STREAMS_TOTAL" });
    }
    this.total += 1;
    this.perClient.set(client, ofClient + 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.total -= 1;
      const left = this.perClient.get(client)! - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }
}

/** A stream ended before it started (its executor never runs) still gives its count back. */
function releasingOnReturn<T>(repeater: Repeater<T>, release: () => void): AsyncIterableIterator<T> {
  return {
    next: () => repeater.next(),
    return: (value?: unknown) => {
      release();
      return repeater.return(value);
    },
    throw: (error?: unknown) => {
      release();
      return repeater.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
