import type { Request, Response } from 'express';
import type { CachedBody } from '../../services/http/index.js';
import { sendEncoded } from './content-encoding.js';

/** Browsers and CDNs may reuse a catalog answer briefly, then revalidate it with its ETag. */
export const CATALOG_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

/**
 * Sends a cached JSON answer in the coding the client takes (stored with the entry), with that
 * coding's ETag, or 304 when the client already has it.
 */
export function sendCached(
  req: Request,
  res: Response,
  entry: CachedBody,
  cacheControl: string = CATALOG_CACHE_CONTROL,
): Promise<void> {
  // The answer depends on the key (and its origin), so shared caches keep one per key.
  res.setHeader('Vary', 'Authorization, Origin');
  return sendEncoded(req, res, entry, { type: 'application/json; charset=utf-8', cacheControl });
}
