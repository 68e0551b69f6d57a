import type { Cache } from './cache/cache.js';
import type { Locks } from './cache/locks.js';
import { createMemoryCache } from './cache/memory-cache.js';
import { createMemoryLocks } from './cache/memory-locks.js';
import { createRedisCache } from './cache/redis-cache.js';
import { createRedisLocks } from './cache/redis-locks.js';
import { createMemoryRateLimiter } from './cache/memory-rate-limiter.js';
import type { RateLimiter } from './cache/rate-limiter.js';
import { createRedisRateLimiter } from './cache/redis-rate-limiter.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { PaymentProvider } from './payments/payment-provider.js';
import { createSimulatedPayments } from './payments/simulated.js';
import { createStripePayments } from './payments/stripe.js';
import type { Db } from './store/db.js';
import { migrate, MigrationChangedError, type MigrateResult } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

/** The long-lived resources of one server process, opened and closed together. */
export interface Runtime {
  db: Db;
  cache: Cache;
  /** Cross-process locks (the hold sweeper's turn): Redis when configured, else in-process. */
  locks: Locks;
  /** Write counters per storefront client when `SHOPTAG_RATE_LIMIT` is set: Redis when configured, else in-process. */
  rateLimiter: RateLimiter | null;
  payments: PaymentProvider;
  migrations: MigrateResult;
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  config: Config;
  clock: Clock;
  /** Embedded database in memory (tests). */
  memory?: boolean;
}

/** Opens the database (and migrates it), the cache and the payment provider the config names. */
export async function openRuntime(options: OpenRuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, memory: options.memory });
  let cache: Cache | undefined;
  let locks: Locks | undefined;
  let rateLimiter: RateLimiter | null = null;
  try {
    const migrations = await migrate(db).catch((error: unknown) => {
      if (error instanceof MigrationChangedError) throw error;
      throw new Error(`cannot prepare the database (${db.description}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    cache = config.redisUrl ? await createRedisCache({ url: config.redisUrl }) : createMemoryCache({ clock: options.clock });
    locks = config.redisUrl ? await createRedisLocks({ url: config.redisUrl }) : createMemoryLocks({ clock: options.clock });
    if (config.rateLimitPerMinute !== null) {
      rateLimiter = config.redisUrl ? await createRedisRateLimiter({ url: config.redisUrl, clock: options.clock }) : createMemoryRateLimiter({ clock: options.clock });
    }
    const openLocks = locks;
    const openLimiter = rateLimiter;
    const payments = config.stripe ? createStripePayments(config.stripe) : createSimulatedPayments({ db, clock: options.clock });
    const openCache = cache;
    return {
      db,
      cache,
      locks,
      rateLimiter,
      payments,
      migrations,
      async close() {
        await Promise.allSettled([db.close(), openCache.close(), openLocks.close(), openLimiter?.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([db.close(), cache?.close(), locks?.close(), rateLimiter?.close()]);
    throw error;
  }
}
