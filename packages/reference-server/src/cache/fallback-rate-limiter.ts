import type { OutageGuard } from './outage-guard.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * Counters shared by every process (Redis) while they answer; this process's own counters when
 * they do not. During an outage each process counts alone, so a client may send up to the limit
 * to each process: looser, but the shop stays open and the limit still bounds abuse.
 */
export function createFallbackRateLimiter(options: {
  shared: RateLimiter;
  local: RateLimiter;
  guard: OutageGuard;
}): RateLimiter {
  const { shared, local, guard } = options;
  return {
    kind: shared.kind,
    consume: (key, limit, windowMs) =>
      guard.run(
        () => shared.consume(key, limit, windowMs),
        () => local.consume(key, limit, windowMs),
      ),
    peek: (key, windowMs) =>
      guard.run(
        () => shared.peek(key, windowMs),
        () => local.peek(key, windowMs),
      ),
    close: () => local.close(),
  };
}
