import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import type { MetricsSink } from '../../metrics/metrics-sink.js';
import { routePattern } from './route-pattern.js';

/**
 * Counts the request when `res` finishes, with its route pattern, method, status and duration.
 * Shared by {@link requestMetrics} and the cached-read lane.
 */
export function requestCounter(
  metrics: MetricsSink,
  now: () => number = () => performance.now(),
): (method: string, route: () => string, res: ServerResponse) => void {
  return (method, route, res) => {
    const started = now();
    res.once('finish', () => {
      metrics.request({ method, route: route(), status: res.statusCode, seconds: (now() - started) / 1000 });
    });
  };
}

/** Counts every answered request with its route pattern, method, status and duration. */
export function requestMetrics(metrics: MetricsSink, now: () => number = () => performance.now()): RequestHandler {
  const count = requestCounter(metrics, now);
  return (req, res, next) => {
    count(req.method, () => routePattern(req), res);
    next();
  };
}
