import type { Clock } from '../clock.js';
import { createBoundedMap } from './bounded-map.js';
import type { Cache, JsonValue } from './cache.js';

const DEFAULT_MAX_ENTRIES = 10_000;
/** About 128 MB of UTF-16 strings. */
const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

type Entry = { data: string | Buffer; kind: 'json' | 'text' | 'bytes'; expiresAt: number };

/** The in-process cache: a map with expiry, read through the injected clock, bounded in entries and size. */
export function createMemoryCache(options: { clock: Clock; maxEntries?: number; maxChars?: number }): Cache {
  // `data` is JSON for set(), the text itself (or its UTF-8 bytes) for setText(), bytes for setBytes().
  const entries = createBoundedMap<Entry>({
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxChars: options.maxChars ?? DEFAULT_MAX_CHARS,
    charsOf: (entry) => entry.data.length,
  });
  const now = () => options.clock.now().getTime();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, entry: Entry) => entries.set(key, entry);
  return {
    kind: 'memory',
    description: 'in-process',
    async get(key) {
      const entry = live(key);
      // Stored as JSON so callers get a copy, as they would from Redis.
      return entry?.kind === 'json' ? (JSON.parse(entry.data.toString()) as JsonValue) : undefined;
    },
    async set(key, value, ttlMs) {
      put(key, { data: JSON.stringify(value), kind: 'json', expiresAt: now() + ttlMs });
    },
    async getText(key) {
      const entry = live(key);
      if (entry?.kind !== 'text') return undefined;
      return typeof entry.data === 'string' ? entry.data : entry.data.toString('utf8');
    },
    async setText(key, text, ttlMs) {
      put(key, { data: text, kind: 'text', expiresAt: now() + ttlMs });
    },
    async getBytes(key) {
      const entry = live(key);
      // Shared, not copied: readers never write into a cached body.
      return entry?.kind === 'bytes' && Buffer.isBuffer(entry.data) ? entry.data : undefined;
    },
    async setBytes(key, bytes, ttlMs) {
      put(key, { data: bytes, kind: 'bytes', expiresAt: now() + ttlMs });
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
