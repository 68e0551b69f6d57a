import type { Request, Response } from 'express';
import type { CachedBody } from '../../services/http/index.js';

/** Browsers and CDNs may reuse a catalog answer briefly, then revalidate it with its ETag. */
export const CATALOG_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** Sends a serialized JSON answer with its ETag, or 304 when the client already has it. */
export function sendCached(
  req: Request,
  res: Response,
  entry: CachedBody,
  cacheControl: string = CATALOG_CACHE_CONTROL,
): void {
  res.setHeader('ETag', entry.etag);
  res.setHeader('Cache-Control', cacheControl);
  // The answer depends on the key (and its origin), so shared caches keep one per key.
  res.setHeader('Vary', 'Authorization, Origin');
  if (matches(req.get('if-none-match'), entry.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(entry.bytes);
}
