import { createHash } from 'node:crypto';
import { createBoundedMap } from '../cache/bounded-map.js';
import type { Cache } from '../cache/cache.js';
import type { Clock } from '../clock.js';

/** A serialized response, ready to send: the JSON text, its entity tag, and its UTF-8 bytes. */
export interface CachedBody {
  body: string;
  etag: string;
  /** `body` encoded once, so a cache hit writes bytes instead of encoding ~100 KB per request. */
  bytes: Buffer;
}

export interface ResponseCacheOptions {
  cache: Cache;
  clock: Clock;
  /** How long an entry lives in the shared cache (ms). */
  ttlMs?: number;
  /**
   * How long this process trusts the generation it last read (ms). Another process's invalidation
   * is seen after at most this long; this process's own is seen at once. 0 reads it every time.
   */
  generationTtlMs?: number;
  /** Entries kept in this process in front of the shared cache. */
  localEntries?: number;
  /** Characters of response bodies kept in this process, at most. */
  localChars?: number;
}

const GENERATION_KEY = 'catalog:generation';
const DEFAULT_TTL_MS = 60_000;
const DEFAULT_GENERATION_TTL_MS = 200;
const DEFAULT_LOCAL_ENTRIES = 2_000;
/** About 64 MB of UTF-16 strings: a few hundred pages of products. */
const DEFAULT_LOCAL_CHARS = 32 * 1024 * 1024;
const GENERATION_LIFETIME_MS = 30 * 86_400_000;

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** How an entry is kept in the shared cache: the entity tag, a newline, then the body as sent. */
function toStored(value: CachedBody): string {
  return `${value.etag}\n${value.body}`;
}

function fromStored(stored: string | undefined): CachedBody | undefined {
  if (stored === undefined) return undefined;
  const newline = stored.indexOf('\n');
  const etag = stored.slice(0, Math.max(0, newline));
  // Written by another process (or version): anything else is a miss.
  if (!/^"[A-Za-z0-9_-]{1,64}"$/.test(etag)) return undefined;
  const body = stored.slice(newline + 1);
  return { etag, body, bytes: Buffer.from(body) };
}

/**
 * Catalog reads, cached as serialized responses under a generation number. Every key contains
 * the generation, so an admin write invalidates everything at once by bumping it — in Redis for
 * every process. Entries of one generation never change, so this process also keeps recent ones
 * in memory and sends them without touching the shared cache.
 */
export function createResponseCache(options: ResponseCacheOptions) {
  const { cache, clock } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const generationTtlMs = options.generationTtlMs ?? DEFAULT_GENERATION_TTL_MS;
  const local = createBoundedMap<{ value: CachedBody; expiresAt: number }>({
    maxEntries: options.localEntries ?? DEFAULT_LOCAL_ENTRIES,
    maxChars: options.localChars ?? DEFAULT_LOCAL_CHARS,
    // The text and its bytes (two bytes a character for the text, roughly).
    charsOf: (entry) => entry.value.body.length + entry.value.bytes.length / 2,
  });
  let known: { generation: string; readAt: number } | null = null;

  async function generation(): Promise<string> {
    const now = clock.now().getTime();
    if (known && now - known.readAt < generationTtlMs) return known.generation;
    const stored = await cache.get(GENERATION_KEY);
    let value = typeof stored === 'string' ? stored : null;
    if (value === null) {
      value = `${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      await cache.set(GENERATION_KEY, value, GENERATION_LIFETIME_MS);
    }
    known = { generation: value, readAt: now };
    return value;
  }

  return {
    /** The cached response for `key`, or `produce()`'s serialized and stored. */
    async get(key: string, produce: () => Promise<unknown>): Promise<CachedBody> {
      const gen = await generation();
      const fullKey = `catalog:${gen}:${key}`;
      const now = clock.now().getTime();
      const hit = local.get(fullKey);
      if (hit && hit.expiresAt > now) return hit.value;
      let value = fromStored(await cache.getText(fullKey));
      if (!value) {
        const body = JSON.stringify(await produce());
        value = { body, etag: etagOf(body), bytes: Buffer.from(body) };
        // Kept as text: a JSON wrapper would escape the whole body on every write.
        await cache.setText(fullKey, toStored(value), ttlMs);
      }
      local.set(fullKey, { value, expiresAt: now + ttlMs });
      return value;
    },

    /** Forgets every cached catalog response, in every process sharing the cache. */
    async invalidate(): Promise<void> {
      const now = clock.now().getTime();
      const value = `${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      await cache.set(GENERATION_KEY, value, GENERATION_LIFETIME_MS);
      known = { generation: value, readAt: now };
      local.clear();
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

/** A stable cache key for a validated query: keys sorted, undefined dropped. */
export function queryKey(name: string, query: object): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${name}?${JSON.stringify(entries)}`;
}
