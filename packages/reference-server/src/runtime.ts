import type { Cache } from './cache/cache.js';
import type { Locks } from './cache/locks.js';
import type { RateLimiter } from './cache/rate-limiter.js';
import { openSharedState, type SharedState } from './cache/shared-state.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { silentLogger, type Logger } from './logger.js';
import type { PaymentProvider } from './payments/payment-provider.js';
import { createSimulatedPayments } from './payments/simulated.js';
import { createStripePayments } from './payments/stripe.js';
import type { Db } from './store/db.js';
import { migrate, MigrationChangedError, type MigrateResult } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

/** The long-lived resources of one server process, opened and closed together. */
export interface Runtime {
  db: Db;
  /** Redis when configured (with an in-process fallback while it does not answer), else in-process. */
  cache: Cache;
  /** Cross-process locks (the hold sweeper's turn): Redis when configured, else in-process. */
  locks: Locks;
  /** Write counters per storefront client when `SHOPTAG_RATE_LIMIT` is set: Redis when configured, else in-process. */
  rateLimiter: RateLimiter | null;
  /** Failed sign-ins and reset requests of the console (always on): Redis when configured, else in-process. */
  signInLimiter: RateLimiter;
  payments: PaymentProvider;
  migrations: MigrateResult;
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  config: Config;
  clock: Clock;
  /** Embedded database in memory (tests). */
  memory?: boolean;
  /** Where Redis outages and recoveries are reported. */
  logger?: Logger;
}

/** Opens the database (and migrates it), the cache and the payment provider the config names. */
export async function openRuntime(options: OpenRuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, memory: options.memory });
  let shared: SharedState | undefined;
  try {
    const migrations = await migrate(db).catch((error: unknown) => {
      if (error instanceof MigrationChangedError) throw error;
      throw new Error(
        `cannot prepare the database (${db.description}): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    const state = await openSharedState({
      redisUrl: config.redisUrl ?? null,
      clock: options.clock,
      logger: options.logger ?? silentLogger,
      // Always: the console's sign-in limits count on them even without SHOPTAG_RATE_LIMIT.
      rateLimits: true,
    });
    shared = state;
    const payments = config.stripe
      ? createStripePayments(config.stripe)
      : createSimulatedPayments({ db, clock: options.clock });
    return {
      db,
      cache: state.cache,
      locks: state.locks,
      rateLimiter: config.rateLimitPerMinute === null ? null : state.rateLimiter,
      signInLimiter: state.rateLimiter!,
      payments,
      migrations,
      async close() {
        await Promise.allSettled([db.close(), state.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([db.close(), shared?.close()]);
    throw error;
  }
}
