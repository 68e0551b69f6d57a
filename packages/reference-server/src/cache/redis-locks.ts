import { randomBytes } from 'node:crypto';
import { closeRedis, connectRedis } from './redis-connection.js';
import type { Lease, Locks } from './locks.js';

// Deletes the key only while it still holds our token, so a lease that lapsed and was taken
// by another process is never released by us.
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface RedisLocksOptions {
  url: string;
  keyPrefix?: string;
}

/** Locks shared by every process on one Redis: `SET key token NX PX ttl`, released by compare-and-delete. */
export async function createRedisLocks(options: RedisLocksOptions): Promise<Locks> {
  const redis = await connectRedis(options.url, options.keyPrefix ?? 'shoptag:lock:');
  return {
    kind: 'redis',
    async tryAcquire(name, ttlMs): Promise<Lease | null> {
      const token = randomBytes(16).toString('hex');
      const ok = await redis.set(name, token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      if (ok !== 'OK') return null;
      return {
        async release() {
          await redis.eval(RELEASE_SCRIPT, 1, name, token);
        },
      };
    },
    close: () => closeRedis(redis),
  };
}
