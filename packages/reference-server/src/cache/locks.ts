/** A held lock; release it when done (it also lapses on its own after its TTL). */
export interface Lease {
  release(): Promise<void>;
}

export interface AcquireOptions {
  /**
   * What to do when the shared lock store (Redis) does not answer:
   * - `'fail'` (the default): throw `LockUnavailableError`. For a lock that guards correctness,
   *   a lock taken in this process alone could let another process hold it at the same time.
   * - `'local'`: take an in-process lock instead. Only for work that stays correct when several
   *   processes do it at once, where the lock merely saves them the duplicate effort.
   */
  whenUnavailable?: 'fail' | 'local';
}

/**
 * Mutual exclusion across server processes: Redis `SET NX PX` when configured, otherwise a
 * map in this process (enough for one process). A lock lapses after its TTL, so a crashed
 * holder cannot block the others for long.
 */
export interface Locks {
  readonly kind: 'redis' | 'memory';
  /**
   * The lease, or `null` when someone else holds `name` right now (never waits). When the
   * shared lock store does not answer, see `AcquireOptions.whenUnavailable`.
   */
  tryAcquire(name: string, ttlMs: number, options?: AcquireOptions): Promise<Lease | null>;
  close(): Promise<void>;
}

/** The shared lock store did not answer, so nobody can say who holds the lock: the caller must not proceed as if it did. */
export class LockUnavailableError extends Error {
  readonly code = 'lock_unavailable';

  constructor(readonly lockName: string) {
    super(`cannot take the lock '${lockName}': the shared lock store (Redis) is not answering`);
    this.name = 'LockUnavailableError';
  }
}
