/** Where a request's "now" comes from: the system clock in production, a clock of their own in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
