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

/** How long the database may take to answer `SELECT 1` before health calls it down (ms). */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * Liveness: whether the database and cache answer, and which implementations are in use. The
 * cache can be lost (the server serves from the database meanwhile): `degraded`. Without the
 * database nothing works: `down`. Bounded in time: the cache answers from its circuit breaker
 * or within a command timeout, the database within `DATABASE_CHECK_TIMEOUT_MS`.
 */
export function createHealthService(deps: HealthServiceDeps) {
  return {
    async check(): Promise<Health> {
      const [database, cache] = await Promise.all([
        answersWithin(deps.db.query('SELECT 1'), DATABASE_CHECK_TIMEOUT_MS),
        deps.cache.ping().catch(() => false),
      ]);
      const unavailable: Health['unavailable'] = [
        ...(database ? [] : ['database' as const]),
        ...(cache ? [] : ['cache' as const]),
      ];
      return {
        status: !database ? 'down' : cache ? 'ok' : 'degraded',
        version: deps.version,
        components: { database: deps.db.kind, cache: deps.cache.kind, payments: deps.payments.kind },
        unavailable,
      };
    },
  };
}

function answersWithin(query: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([
    query.then(
      () => true,
      () => false,
    ),
    timeout,
  ]).finally(() => clearTimeout(timer));
}

export type HealthService = ReturnType<typeof createHealthService>;
