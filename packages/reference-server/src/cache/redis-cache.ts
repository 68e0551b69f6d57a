import type { Cache, JsonValue } from './cache.js';
import { redactUrl } from '../redact-url.js';
import { closeRedis, connectRedis } from './redis-connection.js';

export interface RedisCacheOptions {
  url: string;
  /** Prepended to every key so several installs can share one Redis. */
  keyPrefix?: string;
}

/** The shared cache on Redis. Connects eagerly and fails fast when Redis does not answer. */
export async function createRedisCache(options: RedisCacheOptions): Promise<Cache> {
  const redis = await connectRedis(options.url, options.keyPrefix ?? 'shoptag:');
  return {
    kind: 'redis',
    description: `Redis at ${redactUrl(options.url)}`,
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
    close: () => closeRedis(redis),
  };
}
