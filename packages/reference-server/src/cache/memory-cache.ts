import type { Clock } from '../clock.js';
import type { Cache, JsonValue } from './cache.js';

const DEFAULT_MAX_ENTRIES = 10_000;

/** The in-process cache: a map with expiry, read through the injected clock. */
export function createMemoryCache(options: { clock: Clock; maxEntries?: number }): Cache {
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = () => options.clock.now().getTime();
  return {
    kind: 'memory',
    description: 'in-process',
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      // Stored as JSON so callers get a copy, as they would from Redis.
      return JSON.parse(entry.json) as JsonValue;
    },
    async set(key, value, ttlMs) {
      entries.delete(key);
      if (entries.size >= max) {
        // Maps iterate in insertion order: drop the oldest entry.
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
    async ping() {
      return true;
    },
    async close() {
      entries.clear();
    },
  };
}
