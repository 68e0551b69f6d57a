import type { Redis } from 'ioredis';
import type { Cache, JsonValue } from './cache.js';
import { redactUrl } from '../redact-url.js';
import { closeRedis, connectRedis } from './redis-connection.js';

export interface RedisCacheOptions {
  url: string;
  /** Prepended to every key so several installs can share one Redis. */
  keyPrefix?: string;
}

/** The shared cache on Redis, with its own connection. Connects eagerly and fails fast when Redis does not answer. */
export async function createRedisCache(options: RedisCacheOptions): Promise<Cache> {
  const redis = await connectRedis(options.url, options.keyPrefix ?? 'shoptag:');
  return { ...redisCacheOn(redis, `Redis at ${redactUrl(options.url)}`), close: () => closeRedis(redis) };
}

/**
 * The shared cache on a client someone else opened (and closes: `close` leaves it open).
 * Every call fails when Redis does not answer, within the client's command timeout.
 */
export function redisCacheOn(redis: Redis, description: string): Cache {
  return {
    kind: 'redis',
    description,
    async get(key) {
      const json = await redis.get(key);
      return json === null ? undefined : (JSON.parse(json) as JsonValue);
    },
    async set(key, value, ttlMs) {
      await redis.set(key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async getText(key) {
      return (await redis.get(key)) ?? undefined;
    },
    async setText(key, text, ttlMs) {
      await redis.set(key, text, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async getBytes(key) {
      return (await redis.getBuffer(key)) ?? undefined;
    },
    async setBytes(key, bytes, ttlMs) {
      await redis.set(key, bytes, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async delete(key) {
      await redis.del(key);
    },
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {},
  };
}
