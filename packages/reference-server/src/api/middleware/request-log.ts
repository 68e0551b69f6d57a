import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import { pinoOf, type Logger } from '../../logger.js';
import { redactRequestTarget } from '../../redact-url.js';
import { routePattern } from './route-pattern.js';

/** What the log line of one request says, read when the response closes. */
export interface LoggedRequest {
  method: string;
  /** The request target as received (credentials in its query are redacted when written). */
  url: string;
  requestId: () => string;
  route: () => string;
}

/**
 * Writes one `info` line (`error` for a 5xx) when `res` closes; `null` when the level is above
 * `info` and `error` both, so a request then costs nothing. Shared by {@link requestLog} and the
 * cached-read lane.
 */
export function requestLogger(
  logger: Logger,
  now: () => number = () => performance.now(),
): ((request: LoggedRequest, res: ServerResponse) => void) | null {
  const log = pinoOf(logger);
  if (!log.isLevelEnabled('error')) return null;
  return (request, res) => {
    const began = now();
    res.once('close', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const route = request.route();
      log[level](
        {
          request_id: request.requestId(),
          method: request.method,
          route,
          url: redactRequestTarget(request.url),
          status,
          duration_ms: Math.round((now() - began) * 10) / 10,
          // The client went away before the answer was sent.
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        `${request.method} ${route} ${status}`,
      );
    });
  };
}

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
  const watch = requestLogger(logger, now);
  return (req, res, next) => {
    if (!watch) return next();
    watch(
      {
        method: req.method,
        url: req.originalUrl ?? req.url,
        requestId: () => String(res.locals.requestId ?? ''),
        route: () => routePattern(req),
      },
      res,
    );
    next();
  };
}
