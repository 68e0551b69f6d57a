/** The time source. Injected everywhere time matters so TTL logic can be tested. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
