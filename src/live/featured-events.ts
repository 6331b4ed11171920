import type { Redis } from "ioredis";
import { connectRedis } from "../platform/redis.ts";

/** "This featured slot changed", told to the subscribers of every Lantern instance. */
export interface FeaturedEvents {
  /** Never throws: the change is already committed when this is called. */
  publish(slot: string): Promise<void>;
  /**
   * Calls `listener` with the slot of every change published by any instance. Resolves, once
   * changes published from then on are sure to be heard, to the function that unsubscribes.
   */
  listen(listener: (slot: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** One process: the change goes straight to this process' listeners. */
export function inProcessFeaturedEvents(): FeaturedEvents {
  const listeners = new Set<(slot: string) => void>();
  return {
    async publish(slot) {
      for (const listener of [...listeners]) listener(slot);
    },
    async listen(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

type Log = (message: string) => void;

/**
 * Several instances: changes go through one Redis pub/sub channel, so every instance's
 * listeners hear every instance's changes (their own included, back from Redis). The
 * subscribing connection is opened with the first listener and closed after the last.
 */
export function redisFeaturedEvents(url: string, prefix: string, log: Log): FeaturedEvents {
  const channel = `${prefix}featured-changed`;
  const listeners = new Set<(slot: string) => void>();
  let publisher: Redis | undefined;
  let subscriber: { client: Redis; subscribed: Promise<void> } | undefined;

  const connect = (role: string) => connectRedis(url, { purpose: `${role} of featured changes`, log });

  const openSubscriber = () => {
    const client = connect("subscriber");
    client.on("message", (from: string, slot: string) => {
      if (from === channel) for (const listener of [...listeners]) listener(slot);
    });
    const subscribed = client.subscribe(channel).then(
      () => undefined,
      (error: Error) => log(`Redis: could not subscribe to ${channel}: ${error.message}`),
    );
    return { client, subscribed };
  };

  return {
    async publish(slot) {
      publisher ??= connect("publisher");
      try {
        await publisher.publish(channel, slot);
      } catch (error) {
        log(`Redis: could not publish a change of featured slot "${slot}": ${(error as Error).message}`);
      }
    },
    async listen(listener) {
      listeners.add(listener);
      subscriber ??= openSubscriber();
      await subscriber.subscribed;
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && subscriber) {
          subscriber.client.disconnect();
          subscriber = undefined;
        }
      };
    },
    async close() {
      listeners.clear();
      subscriber?.client.disconnect();
      subscriber = undefined;
      publisher?.disconnect();
      publisher = undefined;
    },
  };
}
