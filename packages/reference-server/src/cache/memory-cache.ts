import type { Clock } from '../clock.js';
import type { Cache, JsonValue } from './cache.js';

const DEFAULT_MAX_ENTRIES = 10_000;

/** The in-process cache: a map with expiry, read through the injected clock. */
export function createMemoryCache(options: { clock: Clock; maxEntries?: number }): Cache {
  // `data` is JSON for set() and the string itself for setText().
  const entries = new Map<string, { data: string; text: boolean; expiresAt: number }>();
  const max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = () => options.clock.now().getTime();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, entry: { data: string; text: boolean; expiresAt: number }) => {
    entries.delete(key);
    if (entries.size >= max) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, entry);
  };
  return {
    kind: 'memory',
    description: 'in-process',
    async get(key) {
      const entry = live(key);
      // Stored as JSON so callers get a copy, as they would from Redis.
      return entry && !entry.text ? (JSON.parse(entry.data) as JsonValue) : undefined;
    },
    async set(key, value, ttlMs) {
      put(key, { data: JSON.stringify(value), text: false, expiresAt: now() + ttlMs });
    },
    async getText(key) {
      const entry = live(key);
      return entry?.text ? entry.data : undefined;
    },
    async setText(key, text, ttlMs) {
      put(key, { data: text, text: true, expiresAt: now() + ttlMs });
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
