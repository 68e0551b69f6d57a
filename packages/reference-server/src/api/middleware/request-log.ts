import type { RequestHandler } from 'express';
import { pinoOf, type Logger } from '../../logger.js';
import { redactRequestTarget } from '../../redact-url.js';
import { routePattern } from './route-pattern.js';

/**
 * One `info` line per request (`error` for a 5xx), written through the server's pino logger once
 * the response closes: request id, method, route pattern, URL (credentials in the query
 * redacted), status and duration, and `aborted` when the client left first. No headers are
 * logged, so Authorization, cookies and the order token never reach a line.
 *
 * Written by hand rather than with pino-http: pino-http makes a child logger for every request,
 * which cost a third of a cached catalog answer's throughput (bench, `catalog.cached.*`), even
 * with logging off. Here a request costs one listener, and nothing at all when the level is
 * above `info`.
 */
export function requestLog(logger: Logger, now: () => number = () => performance.now()): RequestHandler {
  const log = pinoOf(logger);
  return (req, res, next) => {
    if (!log.isLevelEnabled('error')) return next();
    const began = now();
    res.once('close', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const route = routePattern(req);
      log[level](
        {
          request_id: String(res.locals.requestId ?? ''),
          method: req.method,
          route,
          url: redactRequestTarget(req.originalUrl ?? req.url),
          status,
          duration_ms: Math.round((now() - began) * 10) / 10,
          // The client went away before the answer was sent.
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        `${req.method} ${route} ${status}`,
      );
    });
    next();
  };
}
