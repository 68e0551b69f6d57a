import { Redis, type RedisOptions } from 'ioredis';
import { redactUrl } from '../redact-url.js';

/** Longest wait for one command (ms): a Redis that takes longer is treated as gone for that call. */
export const REDIS_COMMAND_TIMEOUT_MS = 300;
/** Longest wait for a connection to open (ms). */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000;
/** Longest pause between reconnection attempts (ms). */
export const REDIS_MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Options that keep every Redis call bounded in time: no offline queue (a command sent while
 * disconnected fails at once instead of waiting for the reconnection), no retries of a command
 * (a retry would wait seconds), a timeout on each command and on connecting. ioredis keeps
 * reconnecting in the background, with a capped, jittered backoff.
 */
export function boundedRedisOptions(keyPrefix: string): RedisOptions {
  return {
    keyPrefix,
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) =>
      Math.min(50 * 2 ** Math.min(attempt, 10), REDIS_MAX_RECONNECT_DELAY_MS) * (0.75 + Math.random() / 2),
  };
}

/**
 * An ioredis client whose keys all start with `keyPrefix`, connecting in the background: it
 * never throws, and commands fail fast until it is connected. For the server, which must start
 * (and serve from PostgreSQL) while Redis is down.
 */
export function openRedis(url: string, keyPrefix: string): { redis: Redis; connected: Promise<boolean> } {
  const redis = new Redis(url, boundedRedisOptions(keyPrefix));
  // Without a listener, a dropped connection would be an unhandled 'error' event; ioredis reconnects by itself.
  redis.on('error', () => {});
  const connected = redis.connect().then(
    () => true,
    () => false,
  );
  return { redis, connected };
}

/**
 * A connected ioredis client whose keys all start with `keyPrefix`. Connects eagerly and fails
 * fast, with a message naming the (password-free) URL, when Redis does not answer: for commands
 * (import) and tests, which have no fallback.
 */
export async function connectRedis(url: string, keyPrefix: string): Promise<Redis> {
  const redis = new Redis(url, boundedRedisOptions(keyPrefix));
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `cannot connect to Redis at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return redis;
}

/** Closes a client politely, or at once when Redis is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
