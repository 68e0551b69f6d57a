import type { Request, RequestHandler, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { pinoOf, type Logger } from '../../logger.js';
import { redactRequestTarget } from '../../redact-url.js';
import { routePattern } from './route-pattern.js';

/**
 * One `info` line per request (`error` for a 5xx) through pino-http: request id, method, route
 * pattern, URL (credentials in the query redacted), status and duration. No headers are logged,
 * so Authorization, cookies and the order token never reach a line.
 */
export function requestLog(logger: Logger, now: () => number = () => performance.now()): RequestHandler {
  const started = new WeakMap<object, number>();
  const middleware = pinoHttp({
    logger: pinoOf(logger),
    // Our own request id (`Request-Id`), set just before; the fields below are all the line holds.
    genReqId: (_req, res) => String((res as Response).locals.requestId ?? ''),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'request_id' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res) => fields(req, res),
    customErrorObject: (req, res) => fields(req, res),
    customSuccessMessage: (req, res) => message(req, res),
    customErrorMessage: (req, res) => message(req, res),
  });
  // pino-http types its callbacks with node's request; Express's is what arrives.
  const message = (req: IncomingMessage, res: ServerResponse) =>
    `${req.method} ${routePattern(req as Request)} ${res.statusCode}`;
  function fields(req: IncomingMessage, res: ServerResponse) {
    const r = req as Request;
    const began = started.get(r);
    return {
      method: r.method,
      route: routePattern(r),
      url: redactRequestTarget(r.originalUrl ?? r.url),
      status: res.statusCode,
      duration_ms: began === undefined ? undefined : Math.round((now() - began) * 10) / 10,
      // The client went away before the answer was sent.
      ...(res.writableFinished ? {} : { aborted: true }),
    };
  }
  return (req, res, next) => {
    started.set(req, now());
    middleware(req, res, next);
  };
}
