import { createHash } from 'node:crypto';
import { createBoundedMap } from '../../cache/bounded-map.js';
import type { Cache } from '../../cache/cache.js';
import type { Clock } from '../../clock.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';

/** A serialized response, ready to send: its JSON as UTF-8 bytes, and its entity tag. */
export interface CachedBody {
  /** The JSON, encoded once: a cache hit writes bytes instead of encoding ~100 KB per request. */
  bytes: Buffer;
  etag: string;
  /** The JSON as text (decoded when asked for; sending never needs it). */
  readonly body: string;
}

function cachedBody(bytes: Buffer, etag: string = etagOf(bytes)): CachedBody {
  return {
    bytes,
    etag,
    get body() {
      return bytes.toString('utf8');
    },
  };
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
  /** Counts hits (in this process or the shared cache) and misses of the `responses` cache. */
  metrics?: MetricsSink;
}

const GENERATION_KEY = 'catalog:generation';
const DEFAULT_TTL_MS = 60_000;
const DEFAULT_GENERATION_TTL_MS = 200;
const DEFAULT_LOCAL_ENTRIES = 2_000;
/** About 64 MB of UTF-16 strings: a few hundred pages of products. */
const DEFAULT_LOCAL_CHARS = 32 * 1024 * 1024;
const GENERATION_LIFETIME_MS = 30 * 86_400_000;

/** A generation no process has used: the time, and randomness for processes bumping at the same moment. */
function newGeneration(nowMs: number): string {
  return `${nowMs.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * How an entry is kept in the shared cache: the entity tag, a newline, then the body as sent —
 * as bytes, copied from the ones already encoded for sending rather than encoded again.
 */
function toStored(value: CachedBody): Buffer {
  return Buffer.concat([Buffer.from(`${value.etag}\n`), value.bytes]);
}

function fromStored(stored: string | undefined): CachedBody | undefined {
  if (stored === undefined) return undefined;
  const newline = stored.indexOf('\n');
  const etag = stored.slice(0, Math.max(0, newline));
  // Written by another process (or version): anything else is a miss.
  if (!/^"[A-Za-z0-9_-]{1,64}"$/.test(etag)) return undefined;
  return cachedBody(Buffer.from(stored.slice(newline + 1)), etag);
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
    // Bytes, counted as characters of UTF-16 text (two bytes each) like the other bounded maps.
    charsOf: (entry) => entry.value.bytes.length / 2,
  });
  let known: { generation: string; readAt: number } | null = null;
  const metrics = options.metrics ?? noopMetrics;

  // After a cache outage, the shared cache may hold answers older than a write made meanwhile
  // (here, or in another process that could only tell its own memory): start a new generation
  // there before anything reads it again.
  cache.onRecovery?.(async (shared) => {
    const now = clock.now().getTime();
    const value = newGeneration(now);
    await shared.set(GENERATION_KEY, value, GENERATION_LIFETIME_MS);
    known = { generation: value, readAt: now };
    local.clear();
  });

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

  async function getJson(key: string, produce: (generation: string) => Promise<string | Buffer>): Promise<CachedBody> {
    const gen = await generation();
    const fullKey = `catalog:${gen}:${key}`;
    const now = clock.now().getTime();
    const hit = local.get(fullKey);
    if (hit && hit.expiresAt > now) {
      metrics.cacheLookup('responses', true);
      return hit.value;
    }
    let value = fromStored(await cache.getText(fullKey));
    metrics.cacheLookup('responses', value !== undefined);
    if (!value) {
      const body = await produce(gen);
      value = cachedBody(typeof body === 'string' ? Buffer.from(body) : body);
      // Kept as text: a JSON wrapper would escape the whole body on every write.
      await cache.setText(fullKey, toStored(value), ttlMs);
    }
    local.set(fullKey, { value, expiresAt: now + ttlMs });
    return value;
  }

  return {
    /** The cached response for `key`, or `produce()`'s serialized and stored. */
    get(key: string, produce: () => Promise<unknown>): Promise<CachedBody> {
      return getJson(key, async () => JSON.stringify(await produce()));
    },

    /**
     * Like `get`, for a producer that writes the JSON itself (as text or UTF-8 bytes). It is told
     * the generation the answer is cached under, so whatever it reuses can be keyed by the same
     * generation.
     */
    getJson,

    /** Forgets every cached catalog response, in every process sharing the cache. */
    async invalidate(): Promise<void> {
      const now = clock.now().getTime();
      const value = newGeneration(now);
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
