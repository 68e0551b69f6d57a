import type { Logger } from '../logger.js';
import type { Cache } from './cache.js';
import type { OutageGuard } from './outage-guard.js';

/** Longest a value lives in this process while the shared cache is down (ms); see `createFallbackCache`. */
export const DEFAULT_DEGRADED_TTL_MS = 5_000;
/** Keys changed during an outage that are remembered, to be dropped from the shared cache on recovery. */
export const DEFAULT_MAX_PENDING_KEYS = 10_000;
const RECONCILE_BATCH = 500;

export interface FallbackCacheOptions {
  /** The cache every process shares (Redis). */
  shared: Cache;
  /** This process's cache, used while the shared one does not answer. */
  local: Cache;
  guard: OutageGuard;
  logger: Logger;
  degradedTtlMs?: number;
  maxPendingKeys?: number;
}

/**
 * The shared cache when it answers, this process's cache when it does not (through `guard`'s
 * circuit breaker, so a Redis outage costs a command timeout or two, then nothing).
 *
 * While the shared cache is down:
 * - values are kept in this process for at most `degradedTtlMs`: no other process can tell this
 *   one that something changed, so what it keeps must lapse soon (a generation key included,
 *   which makes the response cache start over that often);
 * - every key this process writes or deletes is remembered (up to `maxPendingKeys`). The shared
 *   cache missed those writes, so its copy may be older than them: on recovery, before any read
 *   goes back to it, those keys are deleted there (a miss is always correct), then the hooks
 *   added with `onRecovery` run.
 */
export function createFallbackCache(options: FallbackCacheOptions): Cache {
  const { shared, local, guard, logger } = options;
  const degradedTtlMs = options.degradedTtlMs ?? DEFAULT_DEGRADED_TTL_MS;
  const maxPending = options.maxPendingKeys ?? DEFAULT_MAX_PENDING_KEYS;
  const pending = new Set<string>();
  let overflowed = false;

  const remember = (key: string) => {
    if (pending.size < maxPending) pending.add(key);
    else if (!pending.has(key)) overflowed = true;
  };
  const cap = (ttlMs: number) => Math.min(ttlMs, degradedTtlMs);

  guard.onRecovery(async () => {
    const keys = [...pending];
    for (let i = 0; i < keys.length; i += RECONCILE_BATCH) {
      const batch = keys.slice(i, i + RECONCILE_BATCH);
      await Promise.all(batch.map((key) => shared.delete(key)));
      for (const key of batch) pending.delete(key);
    }
    if (overflowed) {
      logger.warn(
        `more than ${maxPending} cache keys changed while Redis was down; older copies of the others lapse with their time to live`,
      );
      overflowed = false;
    }
  });

  return {
    kind: shared.kind,
    get description() {
      return guard.available
        ? shared.description
        : `${shared.description} (not answering: using the in-process cache until it does)`;
    },
    get: (key) =>
      guard.run(
        () => shared.get(key),
        () => local.get(key),
      ),
    getText: (key) =>
      guard.run(
        () => shared.getText(key),
        () => local.getText(key),
      ),
    getBytes: (key) =>
      guard.run(
        () => shared.getBytes(key),
        () => local.getBytes(key),
      ),
    set: (key, value, ttlMs) =>
      guard.run(
        () => shared.set(key, value, ttlMs),
        () => {
          remember(key);
          return local.set(key, value, cap(ttlMs));
        },
        { write: true },
      ),
    setText: (key, text, ttlMs) =>
      guard.run(
        () => shared.setText(key, text, ttlMs),
        () => {
          remember(key);
          return local.setText(key, text, cap(ttlMs));
        },
        { write: true },
      ),
    setBytes: (key, bytes, ttlMs) =>
      guard.run(
        () => shared.setBytes(key, bytes, ttlMs),
        () => {
          remember(key);
          return local.setBytes(key, bytes, cap(ttlMs));
        },
        { write: true },
      ),
    delete: (key) =>
      guard.run(
        () => shared.delete(key),
        () => {
          remember(key);
          return local.delete(key);
        },
        { write: true },
      ),
    ping: () =>
      guard.run(
        async () => {
          if (!(await shared.ping())) throw new Error('no answer to PING');
          return true;
        },
        async () => false,
      ),
    onRecovery(hook) {
      guard.onRecovery(() => hook(shared));
    },
    close: () => local.close(),
  };
}
