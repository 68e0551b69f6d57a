import type { RequestHandler } from 'express';
import type { Logger } from '../../logger.js';

/** One debug line per request: method, path, status, duration and request id. */
export function requestLog(logger: Logger, now: () => number = () => performance.now()): RequestHandler {
  return (req, res, next) => {
    const started = now();
    res.on('finish', () => {
      logger.debug(`${req.method} ${req.originalUrl} ${res.statusCode} ${(now() - started).toFixed(1)} ms ${res.locals.requestId}`);
    });
    next();
  };
}
