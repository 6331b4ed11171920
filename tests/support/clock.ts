import type { Clock } from "../../src/platform/clock.ts";

interface Timer {
  at: number;
  callback: () => void;
}

/** A clock that moves only when a test moves it; its timers fire as it passes them. */
export class ManualClock implements Clock {
  private readonly timers = new Set<Timer>();
  private readonly waiting = new Set<() => void>();

  constructor(private time = Date.now()) {}

  now(): Date {
    return new Date(this.time);
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { at: this.time + ms, callback };
    this.timers.add(timer);
    for (const wake of [...this.waiting]) wake();
    return () => void this.timers.delete(timer);
  }

  /** Moves to `to`, firing every timer due by then. */
  advanceTo(to: Date): void {
    this.time = to.getTime();
    for (const timer of [...this.timers].sort((a, b) => a.at - b.at)) {
      if (timer.at > this.time) continue;
      this.timers.delete(timer);
      timer.callback();
    }
  }

  /** Resolves once a timer is pending for exactly `at` (fails after `timeoutMs` of real time). */
  timerAt(at: Date, timeoutMs = 5000): Promise<void> {
    return this.timerWhere((due) => due === at.getTime(), at, timeoutMs);
  }

  /** Resolves once a timer is pending for `at` or earlier. */
  timerBy(at: Date, timeoutMs = 5000): Promise<void> {
    return this.timerWhere((due) => due <= at.getTime(), at, timeoutMs);
  }

  private timerWhere(matches: (due: number) => boolean, at: Date, timeoutMs: number): Promise<void> {
    const set = () => [...this.timers].some((timer) => matches(timer.at));
    return new Promise((resolve, reject) => {
      if (set()) return resolve();
      const wake = () => {
        if (!set()) return;
        this.waiting.delete(wake);
        clearTimeout(expiry);
        resolve();
      };
      const expiry = setTimeout(() => {
        this.waiting.delete(wake);
        reject(new Error(`no timer for ${at.toISOString()}; pending: ${[...this.timers].map((t) => new Date(t.at).toISOString()).join(", ")}`));
      }, timeoutMs);
      this.waiting.add(wake);
    });
  }
}
