import type { ErrorBody } from '@shoptag/sdk/contract';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { InvalidRequestError, NotFoundError, ShoptagError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { redactRequestTarget } from '../../redact-url.js';
import { allowOrigin } from './cors.js';

/** Errors raised by body-parser, raw-body and the router (http-errors style) carry a status; body-parser adds a type. */
interface HttpError {
  status: number;
  type?: unknown;
}

function isClientHttpError(error: unknown): error is Error & HttpError {
  const status = (error as Partial<HttpError> | null)?.status;
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
}

/** What went wrong reading the request, in the API's codes (a 4xx from the HTTP layer is never a 500). */
function fromHttpLayer(error: Error & HttpError, req: Request): ShoptagError {
  // The router throws while decoding a path parameter with a malformed percent-escape.
  if (error instanceof URIError)
    return new InvalidRequestError('The URL path has a malformed percent-escape.', { code: 'path_invalid' });
  switch (error.type) {
    case 'entity.parse.failed':
      return new InvalidRequestError('The request body is not valid JSON.', { code: 'body_invalid_json' });
    case 'entity.too.large':
      return new InvalidRequestError('The request body is too large.', { code: 'body_too_large', statusCode: 413 });
    case 'encoding.unsupported':
      return new InvalidRequestError('Unsupported Content-Encoding: send the body as is, or gzip, deflate or br.', {
        code: 'content_encoding_unsupported',
        param: 'Content-Encoding',
        statusCode: 415,
      });
    case 'charset.unsupported':
      return new InvalidRequestError('Unsupported charset: send JSON in UTF-8.', {
        code: 'charset_unsupported',
        param: 'Content-Type',
        statusCode: 415,
      });
  }
  // zlib refusing a body that its Content-Encoding says is compressed (raw-body's own errors have a type).
  const encoding = req.get('content-encoding')?.toLowerCase();
  if (error.type === undefined && encoding !== undefined && encoding !== 'identity') {
    return new InvalidRequestError('The request body does not decode with its Content-Encoding.', {
      code: 'body_encoding_invalid',
      param: 'Content-Encoding',
    });
  }
  return new InvalidRequestError('The request body could not be read.', {
    code: 'body_invalid',
    statusCode: error.status,
  });
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
    throw new NotFoundError(`Unrecognized request URL (${req.method}: ${req.originalUrl.split('?')[0] ?? ''}).`, {
      code: ROUTE_UNKNOWN,
    });
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
    else if (isClientHttpError(error)) typed = fromHttpLayer(error, req);
    else {
      logger.error(
        `${req.method} ${redactRequestTarget(req.originalUrl)} failed (request ${res.locals.requestId})`,
        error,
      );
      res.status(500).json({
        error: {
          type: 'api_error',
          code: 'internal_error',
          message: 'An unexpected error occurred on the server.',
          request_id: res.locals.requestId,
        },
      } satisfies ErrorBody);
      return;
    }
    // A missing or unknown key reveals nothing: let a browser read why it was refused.
    const origin = req.get('origin');
    if (origin && typed.statusCode === 401 && !res.hasHeader('Access-Control-Allow-Origin')) allowOrigin(res, origin);
    send(res, typed);
  };
}
