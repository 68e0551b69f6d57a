import type { Clock } from '../clock.js';
import { closeRedis, connectRedis } from './redis-connection.js';
import { windowOf, type RateLimiter } from './rate-limiter.js';

export interface RedisRateLimiterOptions {
  url: string;
  clock: Clock;
  keyPrefix?: string;
}

/** Counters every process shares on one Redis: `INCR` on a key per client and window, expiring with it. */
export async function createRedisRateLimiter(options: RedisRateLimiterOptions): Promise<RateLimiter> {
  const redis = await connectRedis(options.url, options.keyPrefix ?? 'shoptag:rate:');
  return {
    kind: 'redis',
    async consume(key, limit, windowMs) {
      const { index, resetMs } = windowOf(options.clock.now().getTime(), windowMs);
      const bucket = `${key}:${index}`;
      // One round trip; the key outlives its window a little, so clocks a moment apart agree.
      const replies = await redis.multi().incr(bucket).pexpire(bucket, windowMs + 1_000).exec();
      const count = Number(replies?.[0]?.[1] ?? 0);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetMs };
    },
    close: () => closeRedis(redis),
  };
}
