import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Middlewares run one after another as one router layer: what every request passes through
 * (headers, request id, log, metrics, URL check; a keyed route's authentication, CORS and body
 * parsing) costs one layer's matching rather than one per middleware. A middleware that throws,
 * passes an error or returns a promise that rejects ends the series with that error, as in Express.
 */
export function inSeries(...handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        // Express 5's own rule: a promise that rejects is the middleware's error.
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
