import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The content codings the server compresses with, in the order it prefers them at equal quality. */
export const CONTENT_CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

/**
 * Bodies smaller than this are sent as they are: a few hundred bytes gain little, and the
 * compressed framing can even make them larger. The same threshold as `compression`'s default.
 */
export const MIN_COMPRESSED_BYTES = 1024;

/** Compresses a whole body into one content coding. Injected, so tests can count the calls. */
export interface BodyCompressor {
  compress(bytes: Buffer, coding: ContentCoding): Promise<Buffer>;
}

export interface CompressionLevels {
  /** Brotli quality, 0–11. */
  brotliQuality: number;
  /** gzip level, 1–9. */
  gzipLevel: number;
}

/**
 * For bodies made on the request path (a catalog page filling the cache): brotli 5 is several
 * times faster than 9–11 on ~100 KB of JSON and within a few percent of their size.
 */
export const DYNAMIC_LEVELS: CompressionLevels = { brotliQuality: 5, gzipLevel: 6 };

/** For bodies compressed once and sent many times (the CDN bundle, the OpenAPI document). */
export const STATIC_LEVELS: CompressionLevels = { brotliQuality: 11, gzipLevel: 9 };

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** node:zlib on its thread pool, so compressing does not block the event loop. */
export function createZlibCompressor(levels: CompressionLevels = DYNAMIC_LEVELS): BodyCompressor {
  return {
    compress(bytes, coding) {
      if (coding === 'gzip') return gzipAsync(bytes, { level: levels.gzipLevel });
      return brotliAsync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: levels.brotliQuality,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
    },
  };
}
