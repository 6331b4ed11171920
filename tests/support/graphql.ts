import { createLanternYoga, type LanternYoga } from "../../src/app/yoga.ts";
import { config, parseConfig } from "../../src/platform/settings.ts";
import type { Clock } from "../../src/platform/clock.ts";
import { postGraphql, type GraphQLResponse } from "./graphql-client.ts";

export type { GraphQLResponse };

const yoga = createLanternYoga(config());

/** A server built from the test environment plus these settings, e.g. { NODE_ENV: "production" }. */
export function yogaWith(settings: Record<string, string>): LanternYoga {
  return createLanternYoga(parseConfig({ ...process.env, ...settings }));
}

/** A server whose requests read the time from `clock` (see tests/support/clock.ts), with these settings. */
export function yogaAt(clock: Clock, settings: Record<string, string> = {}): LanternYoga {
  return createLanternYoga(Object.keys(settings).length ? parseConfig({ ...process.env, ...settings }) : config(), { clock });
}

/** Sends one GraphQL request through Yoga's fetch handler, without opening a port. */
export function graphql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}, server: LanternYoga = yoga): Promise<GraphQLResponse<T>> {
  return postGraphql<T>(server, query, variables, headers);
}

export function fetchYoga(path: string, init: RequestInit = {}, server: LanternYoga = yoga) {
  return server.fetch(new URL(path, "http://lantern.test"), init);
}

export function errorCodes(response: GraphQLResponse): (string | undefined)[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

/** What must never appear in a response: stack frames, local paths, SQL, Prisma error codes. */
export const LEAKS = /at \w+ \(|\/work\/|\/tmp\/|node_modules|prisma|sqlite|SELECT |\bP\d{4}\b/i;
