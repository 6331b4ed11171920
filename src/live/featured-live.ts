import { Repeater, SlidingBuffer, createLogger } from "graphql-yoga";
import type { Config } from "../config.ts";
import { onDraining } from "../shutdown.ts";
import { systemClock, type Clock } from "../clock.ts";
import { inProcessFeaturedEvents, redisFeaturedEvents, type FeaturedEvents } from "./featured-events.ts";
import { FeaturedSchedule } from "./featured-schedule.ts";

/** Live featured slots for one Lantern instance: what `featuredChanged` subscriptions listen to. */
export interface FeaturedLive {
  /** The time subscriptions read the slots at. */
  clock: Clock;
  /** Tells every subscriber, on every instance, that an editor changed the slot. Never throws. */
  slotEdited(slot: string): Promise<void>;
  /**
   * Yields at once, then whenever what the slot shows may have changed: an editor's change on
   * any instance, or a window opening or closing. Ends when the server starts shutting down.
   */
  changes(slot: string): AsyncIterable<void>;
  close(): Promise<void>;
}

export function createFeaturedLive(settings: Pick<Config, "REDIS_URL" | "REDIS_PREFIX" | "LOG_LEVEL">, clock: Clock = systemClock): FeaturedLive {
  const logger = createLogger(settings.LOG_LEVEL);
  const warn = (message: string) => logger.warn(message);
  const events: FeaturedEvents = settings.REDIS_URL
    ? redisFeaturedEvents(settings.REDIS_URL, settings.REDIS_PREFIX, warn)
    : inProcessFeaturedEvents();

  const subscribers = new Set<(slot: string) => void>();
  const tell = (slot: string) => {
    for (const subscriber of [...subscribers]) subscriber(slot);
  };
  const schedule = new FeaturedSchedule(clock, tell, warn);

  // One listener on the shared events while this instance has subscribers.
  let listening: Promise<() => void> | undefined;
  const startListening = () =>
    (listening ??= events.listen((slot) => {
      schedule.changed(slot);
      tell(slot);
    }));
  const stopListeningWhenIdle = () => {
    if (subscribers.size > 0 || !listening) return;
    const stopping = listening;
    listening = undefined;
    void stopping.then((unlisten) => unlisten());
  };

  return {
    clock,
    slotEdited: (slot) => events.publish(slot),
    changes(slot) {
      return new Repeater<void>(async (push, stop) => {
        const subscriber = (changed: string) => {
          if (changed === slot) void push();
        };
        subscribers.add(subscriber);
        const stopWhenDraining = onDraining(() => stop());
        const unwatch = schedule.watch(slot);
        try {
          await startListening();
          await push();
          await stop;
        } finally {
          subscribers.delete(subscriber);
          stopWhenDraining();
          unwatch();
          stopListeningWhenIdle();
        }
      }, new SlidingBuffer(1));
    },
    close: () => events.close(),
  };
}
