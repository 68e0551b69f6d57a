import type { RequestHandler } from 'express';
import type { RateLimiter, RateLimitResult } from '../../cache/rate-limiter.js';
import { RateLimitError } from '../../errors.js';

export interface RateLimitOptions {
  limiter: RateLimiter;
  /** Writes one client may send per window. */
  limit: number;
  windowMs: number;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Limits the writes (POST, PATCH, PUT, DELETE) a storefront client sends: counted per
 * publishable key and client IP address, across every server process sharing the limiter.
 * Reads (answered from the response cache) and secret-key calls (the shop's own back office)
 * are not counted. Counted responses carry `RateLimit-Limit`, `RateLimit-Remaining` and
 * `RateLimit-Reset`; a refused one is a 429 `rate_limit_error` with `Retry-After`. Runs after
 * authentication. When the limiter cannot be reached the request goes through: a broken
 * counter must not close the shop.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { limiter, limit, windowMs } = options;
  return async (req, res, next) => {
    const principal = res.locals.principal;
    if (READS.has(req.method) || !principal || principal.kind !== 'publishable') return next();
    let result: RateLimitResult;
    try {
      result = await limiter.consume(`${principal.keyId}:${req.ip ?? 'unknown'}`, limit, windowMs);
    } catch {
      return next();
    }
    const resetSeconds = Math.max(1, Math.ceil(result.resetMs / 1000));
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(result.remaining));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (result.allowed) return next();
    res.setHeader('Retry-After', String(resetSeconds));
    next(
      new RateLimitError(
        `Too many requests from this client: at most ${limit} changes per ${windowMs / 1000} s. Try again in ${resetSeconds} s.`,
        {
          code: 'rate_limited',
          details: { limit, retry_after_seconds: resetSeconds },
        },
      ),
    );
  };
}
