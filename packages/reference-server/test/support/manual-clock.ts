import type { Clock } from '../../src/clock.js';

/** A clock that moves only when told to (starts at the real time so database defaults agree). */
export function manualClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}
