import type { RequestHandler } from 'express';
import type { Logger } from '../../logger.js';
import { redactRequestTarget } from '../../redact-url.js';

/** One debug line per request: method, path, status, duration and request id; credentials in the URL are redacted. */
export function requestLog(logger: Logger, now: () => number = () => performance.now()): RequestHandler {
  return (req, res, next) => {
    const started = now();
    res.on('finish', () => {
      logger.debug(
        `${req.method} ${redactRequestTarget(req.originalUrl)} ${res.statusCode} ${(now() - started).toFixed(1)} ms ${res.locals.requestId}`,
      );
    });
    next();
  };
}
