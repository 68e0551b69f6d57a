import express, { type RequestHandler } from 'express';
import { InvalidRequestError } from '../../errors.js';
import { assertSafeValue } from './safe-input.js';

export interface JsonBodyOptions {
  /** Largest body accepted (`'1mb'` …). */
  limit: string;
  /**
   * Media types that routes read themselves (the CSV import): passed on unread. Any other
   * non-JSON body is a 415 `content_type_unsupported`.
   */
  passThrough?: readonly string[];
}

/** A body is coming when the request says so (chunked, or a non-zero length). */
function hasBody(headers: {
  'transfer-encoding'?: string | undefined;
  'content-length'?: string | undefined;
}): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/**
 * Reads a JSON body (gzip, deflate and br accepted; anything else 415), then refuses what cannot be
 * stored or processed safely: NUL characters and lone surrogates in any string or key (400 naming
 * the field) and nesting deeper than `MAX_JSON_DEPTH` (400 `body_too_deep`) — before the
 * Idempotency-Key hash or any schema walks it.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler[] {
  const parse = express.json({ limit: options.limit });
  const passThrough = [...(options.passThrough ?? [])];
  return [
    (req, res, next) => {
      if (!hasBody(req.headers)) return next();
      if (req.is('application/json')) return parse(req, res, next);
      if (passThrough.length > 0 && req.is(passThrough)) return next();
      const type = req.get('content-type');
      throw new InvalidRequestError(
        type
          ? `Unsupported Content-Type '${type}': send JSON with Content-Type: application/json.`
          : 'A request body needs Content-Type: application/json.',
        { code: 'content_type_unsupported', param: 'Content-Type', statusCode: 415 },
      );
    },
    (req, _res, next) => {
      if (req.body !== undefined && typeof req.body === 'object') assertSafeValue(req.body, 'body');
      next();
    },
  ];
}
