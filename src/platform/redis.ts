import { Redis } from "ioredis";

export interface RedisConnectionOptions {
  /** Names the connection in log lines, e.g. "publisher of featured changes". */
  purpose: string;
  /**
   * Told once when the connection is lost and once when it is back. Without it the connection
   * is silent: for users that report their commands' failures themselves.
   */
  log?: (message: string) => void;
  /**
   * Commands fail at once while Redis is unreachable instead of waiting for a reconnection: for
   * work done while a request waits. Such a connection is opened at once (its commands never
   * wait for one); the others connect on their first command.
   */
  failFast?: boolean;
}

/** Every Redis connection Lantern opens. ioredis reconnects by itself after an outage. */
export function connectRedis(url: string, { purpose, log, failFast = false }: RedisConnectionOptions): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    enableOfflineQueue: !failFast,
    lazyConnect: !failFast,
  });
  // ioredis reports each failed reconnection attempt: say so once per outage.
  let down = false;
  client.on("error", (error: Error) => {
    if (!down) log?.(`Redis (${purpose}) unavailable: ${error.message}; retrying`);
    down = true;
  });
  client.on("ready", () => {
    if (down) log?.(`Redis (${purpose}) reachable again`);
    down = false;
  });
  return client;
}
