import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { closeRedis, connectRedis } from './redis-connection.js';
import type { Lease, Locks } from './locks.js';

// Deletes the key only while it still holds our token, so a lease that lapsed and was taken
// by another process is never released by us.
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface RedisLocksOptions {
  url: string;
  keyPrefix?: string;
}

/** Locks on Redis with their own connection. Connects eagerly and fails fast when Redis does not answer. */
export async function createRedisLocks(options: RedisLocksOptions): Promise<Locks> {
  const redis = await connectRedis(options.url, options.keyPrefix ?? 'shoptag:lock:');
  return { ...redisLocksOn(redis), close: () => closeRedis(redis) };
}

/**
 * Locks shared by every process on one Redis: `SET key token NX PX ttl`, released by
 * compare-and-delete. On a client someone else opened (and closes); `namePrefix` goes before
 * each lock's name. Fails (throws) when Redis does not answer: it never guesses who holds a lock.
 */
export function redisLocksOn(redis: Redis, namePrefix = ''): Locks {
  return {
    kind: 'redis',
    async tryAcquire(name, ttlMs): Promise<Lease | null> {
      const key = `${namePrefix}${name}`;
      const token = randomBytes(16).toString('hex');
      const ok = await redis.set(key, token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      if (ok !== 'OK') return null;
      return {
        async release() {
          await redis.eval(RELEASE_SCRIPT, 1, key, token);
        },
      };
    },
    async close() {},
  };
}
