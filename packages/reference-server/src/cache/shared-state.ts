import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { redactUrl } from '../redact-url.js';
import type { Cache } from './cache.js';
import { createCircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { createFallbackCache } from './fallback-cache.js';
import { createFallbackLocks } from './fallback-locks.js';
import { createFallbackRateLimiter } from './fallback-rate-limiter.js';
import type { Locks } from './locks.js';
import { createMemoryCache } from './memory-cache.js';
import { createMemoryLocks } from './memory-locks.js';
import { createMemoryRateLimiter } from './memory-rate-limiter.js';
import { createOutageGuard, type OutageGuard } from './outage-guard.js';
import type { RateLimiter } from './rate-limiter.js';
import { redisCacheOn } from './redis-cache.js';
import { closeRedis, openRedis } from './redis-connection.js';
import { redisLocksOn } from './redis-locks.js';
import { redisRateLimiterOn } from './redis-rate-limiter.js';

/** How often an open circuit checks whether its probe is due (ms). */
const PROBE_TICK_MS = 250;

export interface SharedStateOptions {
  /** Redis, or null for in-process state (one process only). */
  redisUrl: string | null;
  clock: Clock;
  logger: Logger;
  /** Open rate-limit counters too. */
  rateLimits: boolean;
  /** Key prefix in Redis (default `shoptag:`). */
  keyPrefix?: string;
  /** Tuning of the breaker in front of Redis (tests shorten it). */
  breaker?: Omit<CircuitBreakerOptions, 'clock'>;
}

/** The cache, locks and rate-limit counters of one server process, and how to close them. */
export interface SharedState {
  cache: Cache;
  locks: Locks;
  rateLimiter: RateLimiter | null;
  /** The breaker in front of Redis (null without Redis). */
  guard: OutageGuard | null;
  close(): Promise<void>;
}

/**
 * Opens the state server processes share: on Redis when `redisUrl` is set, otherwise in this
 * process. With Redis, one connection carries the cache, the locks and the counters behind one
 * circuit breaker, each with an in-process fallback: the server starts, and keeps serving, while
 * Redis does not answer, and goes back to it when it does. Never throws for an unreachable Redis.
 */
export async function openSharedState(options: SharedStateOptions): Promise<SharedState> {
  const { clock, logger } = options;
  const local = {
    cache: createMemoryCache({ clock }),
    locks: createMemoryLocks({ clock }),
    rateLimiter: options.rateLimits ? createMemoryRateLimiter({ clock }) : null,
  };
  if (!options.redisUrl) {
    return {
      ...local,
      guard: null,
      close: async () =>
        void (await Promise.allSettled([local.cache.close(), local.locks.close(), local.rateLimiter?.close()])),
    };
  }
  const prefix = options.keyPrefix ?? 'shoptag:';
  const { redis, connected } = openRedis(options.redisUrl, prefix);
  const shared = {
    cache: redisCacheOn(redis, `Redis at ${redactUrl(options.redisUrl)}`),
    locks: redisLocksOn(redis, 'lock:'),
    rateLimiter: redisRateLimiterOn(redis, { clock, keyPrefix: 'rate:' }),
  };
  const guard = createOutageGuard({
    name: 'Redis',
    breaker: createCircuitBreaker({ clock, ...options.breaker }),
    ping: () => shared.cache.ping(),
    logger,
    probeEveryMs: PROBE_TICK_MS,
  });
  if (!(await connected)) guard.trip(`cannot connect to ${redactUrl(options.redisUrl)}`);
  let closing = false;
  // A dropped connection fails every command at once anyway; opening the circuit now also means
  // recovery reconciles whatever was in flight.
  redis.on('close', () => {
    if (!closing) guard.trip('connection closed');
  });
  const cache = createFallbackCache({ shared: shared.cache, local: local.cache, guard, logger });
  const locks = createFallbackLocks({ shared: shared.locks, local: local.locks, guard });
  const rateLimiter =
    local.rateLimiter && createFallbackRateLimiter({ shared: shared.rateLimiter, local: local.rateLimiter, guard });
  return {
    cache,
    locks,
    rateLimiter,
    guard,
    async close() {
      closing = true;
      guard.close();
      await Promise.allSettled([cache.close(), locks.close(), rateLimiter?.close(), closeRedis(redis)]);
    },
  };
}
