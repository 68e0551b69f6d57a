import type { Clock } from '../clock.js';
import type { Lease, Locks } from './locks.js';

/** Locks for a single process, with expiry read through the injected clock. */
export function createMemoryLocks(options: { clock: Clock }): Locks {
  const held = new Map<string, { token: symbol; expiresAt: number }>();
  const now = () => options.clock.now().getTime();
  return {
    kind: 'memory',
    async tryAcquire(name, ttlMs): Promise<Lease | null> {
      const current = held.get(name);
      if (current && current.expiresAt > now()) return null;
      const token = Symbol(name);
      held.set(name, { token, expiresAt: now() + ttlMs });
      return {
        async release() {
          if (held.get(name)?.token === token) held.delete(name);
        },
      };
    },
    async close() {
      held.clear();
    },
  };
}
