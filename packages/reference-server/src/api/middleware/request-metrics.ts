import type { RequestHandler } from 'express';
import type { MetricsSink } from '../../metrics/metrics-sink.js';
import { routePattern } from './route-pattern.js';

/** Counts every answered request with its route pattern, method, status and duration. */
export function requestMetrics(metrics: MetricsSink, now: () => number = () => performance.now()): RequestHandler {
  return (req, res, next) => {
    const started = now();
    res.once('finish', () => {
      metrics.request({
        method: req.method,
        route: routePattern(req),
        status: res.statusCode,
        seconds: (now() - started) / 1000,
      });
    });
    next();
  };
}
