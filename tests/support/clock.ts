import type { Clock } from "../../src/clock.ts";

export interface TestClock extends Clock {
  set(to: Date): void;
  advance(ms: number): void;
}

/** A clock the test moves by hand: time passes only when the test says so. */
export function testClock(start = new Date()): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (to) => (now = to.getTime());
  clock.advance = (ms) => (now += ms);
  return clock;
}
