import { ORDER_TOKEN_HEADER } from '@shoptag/sdk/contract';
import type { RequestHandler, Response } from 'express';
import { PermissionError } from '../../errors.js';
import { isOriginAllowed } from '../../services/keys/index.js';

const ALLOWED_METHODS = 'GET, POST, PATCH, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = `Authorization, Content-Type, Idempotency-Key, ${ORDER_TOKEN_HEADER}`;
// Retry-After and RateLimit-* let a browser client wait as long as the server asks before retrying.
export const EXPOSED_HEADERS = 'Request-Id, ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';
const PREFLIGHT_MAX_AGE_S = 600;

/** Lets the browser at `origin` read this response. */
export function allowOrigin(res: Response, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/**
 * Answers CORS preflights. A preflight carries no key, so it is answered permissively; the
 * real request is checked against its key's allowed origins by {@link corsForKey}.
 */
export function preflight(): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    if (req.method !== 'OPTIONS') return next();
    const origin = req.get('origin');
    if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
    res.status(204).end();
  };
}

/** For routes without a key (health, OpenAPI): any origin may read them. */
export function corsPublic(): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin) allowOrigin(res, origin);
    next();
  };
}

/** After authentication: a browser origin must be one the key allows, or the request is refused. */
export function corsForKey(): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    const principal = res.locals.principal;
    if (!origin || !principal) return next();
    if (!isOriginAllowed(principal, origin)) {
      throw new PermissionError(
        `Origin ${origin} is not allowed for this publishable key. Add it to the key's allowed origins (SHOPTAG_ALLOWED_ORIGINS for the demo key).`,
        {
          code: 'origin_not_allowed',
        },
      );
    }
    allowOrigin(res, origin);
    next();
  };
}
