import type { Clock } from '../clock.js';
import { createBoundedMap } from './bounded-map.js';
import { windowOf, type RateLimiter } from './rate-limiter.js';

/** Counters for a single process, bounded in entries (the oldest client is forgotten first). */
export function createMemoryRateLimiter(options: { clock: Clock; maxEntries?: number }): RateLimiter {
  const counts = createBoundedMap<number>({
    maxEntries: options.maxEntries ?? 100_000,
    maxChars: Number.MAX_SAFE_INTEGER,
    charsOf: () => 1,
  });
  return {
    kind: 'memory',
    async consume(key, limit, windowMs) {
      const { index, resetMs } = windowOf(options.clock.now().getTime(), windowMs);
      const bucket = `${key}\n${index}`;
      const count = (counts.get(bucket) ?? 0) + 1;
      counts.set(bucket, count);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetMs };
    },
    async peek(key, windowMs) {
      const { index, resetMs } = windowOf(options.clock.now().getTime(), windowMs);
      return { count: counts.get(`${key}\n${index}`) ?? 0, resetMs };
    },
    async close() {
      counts.clear();
    },
  };
}
