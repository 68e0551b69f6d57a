import type { Db, Queryable, QueryOptions, QueryResult } from './db.js';

/** How long a replica that failed is left out before it is tried again. */
const DEFAULT_RETRY_AFTER_MS = 5_000;

/**
 * Whether an error means "this server is unreachable or going away" (try elsewhere) rather than
 * "this statement is wrong" (the same everywhere). SQLSTATE classes 08 (connection) and 57
 * (operator intervention, e.g. shutdown) count as unreachable, as does any error without one.
 */
export function isConnectionError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || code.startsWith('57');
  return true;
}

export interface ReadRouterOptions {
  primary: Db;
  replicas: readonly Db[];
  /** Injected for tests. */
  now?: () => number;
  retryAfterMs?: number;
  onReplicaDown?: (replica: Db, error: unknown) => void;
}

export interface ReadRouter extends Queryable {
  /** Which database served each read, for tests and diagnostics. */
  readonly stats: { replica: number; primary: number };
}

/**
 * Catalog reads spread over read replicas, round robin. A replica that cannot be reached is left
 * out for a while and the read goes to the next one, and to the primary when none answers. Only
 * reads may go through this; writes use the primary directly.
 */
export function createReadRouter(options: ReadRouterOptions): ReadRouter {
  const { primary, replicas } = options;
  const now = options.now ?? Date.now;
  const retryAfter = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const downUntil = new Map<Db, number>();
  const stats = { replica: 0, primary: 0 };
  let next = 0;

  async function route<T>(run: (db: Queryable) => Promise<T>): Promise<T> {
    // Advance before awaiting, so concurrent reads spread too.
    const start = next;
    next = (next + 1) % Math.max(1, replicas.length);
    for (let i = 0; i < replicas.length; i++) {
      const replica = replicas[(start + i) % replicas.length];
      if (!replica || (downUntil.get(replica) ?? 0) > now()) continue;
      try {
        const result = await run(replica);
        stats.replica += 1;
        return result;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        downUntil.set(replica, now() + retryAfter);
        options.onReplicaDown?.(replica, error);
      }
    }
    stats.primary += 1;
    return run(primary);
  }

  return {
    stats,
    query<R extends object = Record<string, unknown>>(
      text: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ): Promise<QueryResult<R>> {
      return route((db) => db.query<R>(text, params, options));
    },
    exec(text: string): Promise<void> {
      return route((db) => db.exec(text));
    },
  };
}
