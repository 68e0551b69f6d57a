import { Redis } from 'ioredis';
import { redactUrl } from '../redact-url.js';

/**
 * A connected ioredis client whose keys all start with `keyPrefix`. Connects eagerly and fails
 * fast, with a message naming the (password-free) URL, when Redis does not answer.
 */
export async function connectRedis(url: string, keyPrefix: string): Promise<Redis> {
  const redis = new Redis(url, { keyPrefix, lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // Without a listener, a dropped connection would be an unhandled 'error' event; ioredis reconnects by itself.
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot connect to Redis at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return redis;
}

/** Closes a client politely, or at once when Redis is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
