import { LockUnavailableError, type Lease, type Locks } from './locks.js';
import type { OutageGuard } from './outage-guard.js';

/**
 * Locks on the shared store (Redis) while it answers. When it does not, `tryAcquire` fails
 * closed (`LockUnavailableError`) unless the caller asked for `whenUnavailable: 'local'`, which
 * takes a lock in this process instead (see `AcquireOptions`).
 *
 * A `SET NX` that timed out may still have taken the lock in Redis: it counts as a write (the
 * circuit opens at once) and the lock simply lapses with its TTL. A lease whose release cannot
 * reach Redis lapses the same way.
 */
export function createFallbackLocks(options: { shared: Locks; local: Locks; guard: OutageGuard }): Locks {
  const { shared, local, guard } = options;
  return {
    kind: shared.kind,
    tryAcquire(name, ttlMs, acquire = {}) {
      const fallback = async (): Promise<Lease | null> => {
        if (acquire.whenUnavailable === 'local') return local.tryAcquire(name, ttlMs);
        throw new LockUnavailableError(name);
      };
      return guard.run(
        async () => {
          const lease = await shared.tryAcquire(name, ttlMs);
          if (!lease) return null;
          return {
            release: () =>
              guard.run(
                () => lease.release(),
                async () => undefined,
              ),
          };
        },
        fallback,
        { write: true },
      );
    },
    close: () => local.close(),
  };
}
