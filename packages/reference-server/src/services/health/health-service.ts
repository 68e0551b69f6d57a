import type { Health } from '@shoptag/sdk/contract';
import type { Cache } from '../../cache/cache.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';

export interface HealthServiceDeps {
  db: Db;
  cache: Cache;
  payments: PaymentProvider;
  version: string;
}

/** Liveness: whether the database and cache answer, and which implementations are in use. */
export function createHealthService(deps: HealthServiceDeps) {
  return {
    async check(): Promise<Health> {
      const [database, cache] = await Promise.all([
        deps.db.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        deps.cache.ping(),
      ]);
      return {
        status: database && cache ? 'ok' : 'degraded',
        version: deps.version,
        components: { database: deps.db.kind, cache: deps.cache.kind, payments: deps.payments.kind },
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
