import type { ErrorBody } from '@shoptag/sdk/contract';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { InvalidRequestError, NotFoundError, ShoptagError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { allowOrigin } from './cors.js';

/** Errors raised by body-parser (malformed JSON, oversized bodies) carry these fields. */
interface HttpParserError {
  type: string;
  status: number;
}

function isParserError(error: unknown): error is Error & HttpParserError {
  return error instanceof Error && typeof (error as Partial<HttpParserError>).type === 'string' && typeof (error as Partial<HttpParserError>).status === 'number';
}

function fromParser(error: HttpParserError): ShoptagError {
  if (error.type === 'entity.parse.failed') return new InvalidRequestError('The request body is not valid JSON.', { code: 'body_invalid_json' });
  if (error.type === 'entity.too.large') return new InvalidRequestError('The request body is too large.', { code: 'body_too_large', statusCode: 413 });
  return new InvalidRequestError('The request body could not be read.', { code: 'body_invalid', statusCode: error.status });
}

function send(res: Response, error: ShoptagError): void {
  const body: ErrorBody = {
    error: {
      type: error.type,
      code: error.code,
      message: error.message,
      ...(error.param === undefined ? {} : { param: error.param }),
      request_id: res.locals.requestId,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  res.status(error.statusCode).json(body);
}

/**
 * The code of the 404 for a method and path the server does not serve, distinct from
 * `resource_missing` (a route that exists, naming something that does not).
 */
export const ROUTE_UNKNOWN = 'route_unknown';

/** Unknown routes under /v1 answer the error shape rather than Express's HTML page. */
export function notFound(): RequestHandler {
  return (req) => {
    throw new NotFoundError(`Unrecognized request URL (${req.method}: ${req.originalUrl.split('?')[0] ?? ''}).`, { code: ROUTE_UNKNOWN });
  };
}

/**
 * The one place errors become responses: typed errors keep their type, code and status;
 * anything else is a 500 with a generic message, its stack logged here and never sent.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    let typed: ShoptagError;
    if (error instanceof ShoptagError) typed = error;
    else if (isParserError(error) && error.status < 500) typed = fromParser(error);
    else {
      logger.error(`${req.method} ${req.originalUrl} failed (request ${res.locals.requestId})`, error);
      res.status(500).json({
        error: { type: 'api_error', code: 'internal_error', message: 'An unexpected error occurred on the server.', request_id: res.locals.requestId },
      } satisfies ErrorBody);
      return;
    }
    // A missing or unknown key reveals nothing: let a browser read why it was refused.
    const origin = req.get('origin');
    if (origin && typed.statusCode === 401 && !res.hasHeader('Access-Control-Allow-Origin')) allowOrigin(res, origin);
    send(res, typed);
  };
}
