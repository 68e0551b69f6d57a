import type { Health, Liveness } from '@shoptag/sdk/contract';
import type { Cache } from '../../cache/cache.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';

export interface HealthServiceDeps {
  db: Db;
  cache: Cache;
  payments: PaymentProvider;
  version: string;
  /** True once the process has begun to stop (SIGTERM): readiness then says no. */
  draining?: () => boolean;
}

/** How long the database may take to answer `SELECT 1` before health calls it down (ms). */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * Liveness and readiness. Liveness checks nothing: the process answers, so it is alive.
 * Readiness asks the database and the cache: the cache can be lost (the server serves from the
 * database meanwhile): `degraded`. Without the database nothing works: `down`. Bounded in time:
 * the cache answers from its circuit breaker or within a command timeout, the database within
 * `DATABASE_CHECK_TIMEOUT_MS`.
 */
export function createHealthService(deps: HealthServiceDeps) {
  const components = () => ({ database: deps.db.kind, cache: deps.cache.kind, payments: deps.payments.kind });
  return {
    /** The process is up; answers at once, whatever the database or Redis do. */
    live(): Liveness {
      return { status: 'ok', version: deps.version, components: components() };
    },

    /** Whether the database and the cache answer, and whether the process is draining. */
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
        components: components(),
        unavailable,
        draining: deps.draining?.() ?? false,
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
