import type { Cache } from './cache/cache.js';
import { createMemoryCache } from './cache/memory-cache.js';
import { createRedisCache } from './cache/redis-cache.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { PaymentProvider } from './payments/payment-provider.js';
import { createSimulatedPayments } from './payments/simulated.js';
import { createStripePayments } from './payments/stripe.js';
import type { Db } from './store/db.js';
import { migrate, type MigrateResult } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

/** The long-lived resources of one server process, opened and closed together. */
export interface Runtime {
  db: Db;
  cache: Cache;
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
  try {
    const migrations = await migrate(db).catch((error: unknown) => {
      throw new Error(`cannot prepare the database (${db.description}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    cache = config.redisUrl ? await createRedisCache({ url: config.redisUrl }) : createMemoryCache({ clock: options.clock });
    const payments = config.stripe ? createStripePayments(config.stripe) : createSimulatedPayments();
    const openCache = cache;
    return {
      db,
      cache,
      payments,
      migrations,
      async close() {
        await Promise.allSettled([db.close(), openCache.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([db.close(), cache?.close()]);
    throw error;
  }
}
