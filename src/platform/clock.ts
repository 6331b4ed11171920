/** Time for work that happens at a moment rather than on a request: the real one, or a test's. */
export interface Clock {
  now(): Date;
  /** Runs `callback` once after `ms`; the returned function cancels it. */
  setTimer(ms: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, ms);
    // A pending timer never keeps the process alive by itself.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
