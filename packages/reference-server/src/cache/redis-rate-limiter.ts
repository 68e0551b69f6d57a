import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { closeRedis, connectRedis } from './redis-connection.js';
import { windowOf, type RateLimiter } from './rate-limiter.js';

export interface RedisRateLimiterOptions {
  url: string;
  clock: Clock;
  keyPrefix?: string;
}

/** Counters on Redis with their own connection. Connects eagerly and fails fast when Redis does not answer. */
export async function createRedisRateLimiter(options: RedisRateLimiterOptions): Promise<RateLimiter> {
  const redis = await connectRedis(options.url, options.keyPrefix ?? 'shoptag:rate:');
  return { ...redisRateLimiterOn(redis, { clock: options.clock }), close: () => closeRedis(redis) };
}

/**
 * Counters every process shares on one Redis: `INCR` on a key per client and window, expiring
 * with it. On a client someone else opened (and closes); `keyPrefix` goes before each counter's key.
 */
export function redisRateLimiterOn(redis: Redis, options: { clock: Clock; keyPrefix?: string }): RateLimiter {
  const prefix = options.keyPrefix ?? '';
  return {
    kind: 'redis',
    async consume(key, limit, windowMs) {
      const { index, resetMs } = windowOf(options.clock.now().getTime(), windowMs);
      const bucket = `${prefix}${key}:${index}`;
      // One round trip; the key outlives its window a little, so clocks a moment apart agree.
      const replies = await redis
        .multi()
        .incr(bucket)
        .pexpire(bucket, windowMs + 1_000)
        .exec();
      const reply = replies?.[0];
      // A transaction that failed (EXECABORT, a timeout) is a failure, not a count of 0.
      if (!reply || reply[0]) throw reply?.[0] ?? new Error('rate counter transaction failed');
      const count = Number(reply[1]);
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetMs };
    },
    async peek(key, windowMs) {
      const { index, resetMs } = windowOf(options.clock.now().getTime(), windowMs);
      const count = await redis.get(`${prefix}${key}:${index}`);
      return { count: Number(count ?? 0), resetMs };
    },
    async close() {},
  };
}
