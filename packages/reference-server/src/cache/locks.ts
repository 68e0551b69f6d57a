/** A held lock; release it when done (it also lapses on its own after its TTL). */
export interface Lease {
  release(): Promise<void>;
}

/**
 * Mutual exclusion across server processes: Redis `SET NX PX` when configured, otherwise a
 * map in this process (enough for one process). A lock lapses after its TTL, so a crashed
 * holder cannot block the others for long.
 */
export interface Locks {
  readonly kind: 'redis' | 'memory';
  /** The lease, or `null` when someone else holds `name` right now (never waits). */
  tryAcquire(name: string, ttlMs: number): Promise<Lease | null>;
  close(): Promise<void>;
}
