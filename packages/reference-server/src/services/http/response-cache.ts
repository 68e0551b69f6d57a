import { createBoundedMap } from '../../cache/bounded-map.js';
import type { Cache } from '../../cache/cache.js';
import type { Clock } from '../../clock.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import { CONTENT_CODINGS, createZlibCompressor, type BodyCompressor, type ContentCoding } from './body-compressor.js';
import { createEncodedBody, encodedSize, type Codings, type EncodedBody } from './encoded-body.js';

/**
 * A serialized response, ready to send: its JSON as UTF-8 bytes, its entity tag, and its br and
 * gzip codings — each compressed once, the first time a client takes it, and kept with the entry
 * (in this process and in the shared cache), so a hit sends stored bytes without compressing.
 */
export type CachedBody = EncodedBody;

export interface ResponseCacheOptions {
  cache: Cache;
  clock: Clock;
  /** Compresses bodies into br and gzip (default node:zlib at brotli 5, gzip 6). */
  compressor?: BodyCompressor;
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

/** The first field of a stored entry: entries of another layout (an older version's) read as misses. */
const STORED_LAYOUT = 'st2';
const STORED_ETAG = /^"[A-Za-z0-9_-]{1,64}"$/;
const MAX_HEADER_BYTES = 256;

/**
 * How an entry is kept in the shared cache, as bytes (compressed codings are binary): one ASCII
 * line — layout, entity tag, identity length, then per coding (br, gzip) its length, `=` when it
 * is not smaller than identity, `-` when not made yet — then the identity bytes and each coding's.
 */
function toStored(value: EncodedBody): Buffer {
  const parts = [value.bytes];
  const fields = CONTENT_CODINGS.map((coding) => {
    const coded = value.coded[coding];
    if (coded === undefined) return '-';
    if (coded === null) return '=';
    parts.push(coded);
    return String(coded.length);
  });
  const header = `${STORED_LAYOUT} ${value.etag} ${value.bytes.length} ${fields.join(' ')}\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), ...parts]);
}

const LENGTH = /^\d{1,10}$/;

/** The parts of a stored entry; anything malformed (another process or version wrote it) is a miss. */
function fromStored(stored: Buffer | undefined): { bytes: Buffer; etag: string; coded: Codings } | undefined {
  if (stored === undefined) return undefined;
  const newline = stored.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (newline < 0) return undefined;
  const [layout, etag = '', identity = '', ...fields] = stored.subarray(0, newline).toString('latin1').split(' ');
  if (layout !== STORED_LAYOUT || !STORED_ETAG.test(etag) || !LENGTH.test(identity)) return undefined;
  if (fields.length !== CONTENT_CODINGS.length) return undefined;
  let offset = newline + 1;
  const take = (length: number) => stored.subarray(offset, (offset += length));
  const bytes = take(Number(identity));
  const coded: Codings = {};
  for (const [i, coding] of CONTENT_CODINGS.entries()) {
    const field = fields[i] ?? '';
    if (field === '=') coded[coding] = null;
    else if (LENGTH.test(field)) coded[coding] = take(Number(field));
    else if (field !== '-') return undefined;
  }
  return offset === stored.length ? { bytes, etag, coded } : undefined;
}

/**
 * Catalog reads, cached as serialized responses under a generation number. Every key contains
 * the generation, so an admin write invalidates everything at once by bumping it — in Redis for
 * every process. Entries of one generation never change, so this process also keeps recent ones
 * in memory and sends them without touching the shared cache.
 */
export function createResponseCache(options: ResponseCacheOptions) {
  const { cache, clock } = options;
  const compressor = options.compressor ?? createZlibCompressor();
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const generationTtlMs = options.generationTtlMs ?? DEFAULT_GENERATION_TTL_MS;
  const local = createBoundedMap<{ value: CachedBody; expiresAt: number }>({
    maxEntries: options.localEntries ?? DEFAULT_LOCAL_ENTRIES,
    maxChars: options.localChars ?? DEFAULT_LOCAL_CHARS,
    // Bytes, counted as characters of UTF-16 text (two bytes each) like the other bounded maps.
    charsOf: (entry) => encodedSize(entry.value) / 2,
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

  /**
   * The entry kept under `fullKey` until `expiresAt`. A coding made later (for the first client
   * that takes it) is stored with the entry for the rest of its life, here and in the shared cache,
   * so no process compresses it again.
   */
  function entry(fullKey: string, parts: { bytes: Buffer; etag?: string; coded?: Codings }, expiresAt: number) {
    return createEncodedBody(parts.bytes, {
      compressor,
      ...(parts.etag === undefined ? {} : { etag: parts.etag }),
      ...(parts.coded === undefined ? {} : { coded: parts.coded }),
      async onEncoded(body) {
        const remainingMs = expiresAt - clock.now().getTime();
        if (remainingMs <= 0) return;
        const kept = local.get(fullKey);
        // Counted again with its new coding (unless it was dropped or replaced meanwhile).
        if (kept?.value === body) local.set(fullKey, kept);
        await cache.setBytes(fullKey, toStored(body), remainingMs);
      },
    });
  }

  async function getJson(
    key: string,
    produce: (generation: string) => Promise<string | Buffer>,
    coding?: ContentCoding,
  ): Promise<CachedBody> {
    const gen = await generation();
    const fullKey = `catalog:${gen}:${key}`;
    const now = clock.now().getTime();
    const expiresAt = now + ttlMs;
    const hit = local.get(fullKey);
    if (hit && hit.expiresAt > now) {
      metrics.cacheLookup('responses', true);
      return hit.value;
    }
    const stored = fromStored(await cache.getBytes(fullKey));
    metrics.cacheLookup('responses', stored !== undefined);
    let value: CachedBody;
    if (stored) {
      value = entry(fullKey, stored, expiresAt);
    } else {
      const body = await produce(gen);
      // The coding the asking client takes is made before the entry is stored, so a miss writes
      // the shared cache once; other codings are added when a client first takes them.
      const filled = createEncodedBody(typeof body === 'string' ? Buffer.from(body) : body, { compressor });
      if (coding) await filled.encode(coding);
      value = entry(fullKey, filled, expiresAt);
      await cache.setBytes(fullKey, toStored(value), ttlMs);
    }
    local.set(fullKey, { value, expiresAt });
    return value;
  }

  /**
   * The entry for `key` when this process holds it and trusts its generation, without waiting;
   * `undefined` otherwise (then {@link getJson} reads the shared cache or produces it).
   */
  function peek(key: string): CachedBody | undefined {
    const now = clock.now().getTime();
    if (!known || now - known.readAt >= generationTtlMs) return undefined;
    const hit = local.get(`catalog:${known.generation}:${key}`);
    if (!hit || hit.expiresAt <= now) return undefined;
    metrics.cacheLookup('responses', true);
    return hit.value;
  }

  return {
    peek,

    /**
     * The cached response for `key`, or `produce()`'s serialized and stored — with `coding` (the
     * one the client takes, if any) made before it is stored.
     */
    get(key: string, produce: () => Promise<unknown>, coding?: ContentCoding): Promise<CachedBody> {
      return getJson(key, async () => JSON.stringify(await produce()), coding);
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
