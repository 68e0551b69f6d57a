import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AuthenticationError } from '../../errors.js';
import type { PrometheusMetrics } from '../../metrics/prometheus-metrics.js';

export interface MetricsRouteOptions {
  metrics: Pick<PrometheusMetrics, 'render'>;
  /** Bearer token a scrape must send (`SHOPTAG_METRICS_TOKEN`); null: none (a listener of its own). */
  token: string | null;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time: both sides are hashed first, so their lengths leak nothing either. */
function sameToken(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

/**
 * `GET /metrics`: Prometheus text exposition. With a token, a scrape without
 * `Authorization: Bearer <token>` is a 401 in the API's error shape.
 */
export function metricsRouter(options: MetricsRouteOptions): Router {
  const expected = options.token === null ? null : digest(options.token);
  const router = Router();
  router.get('/', async (req, res) => {
    if (expected) {
      const header = req.get('authorization') ?? '';
      const match = /^Bearer (.+)$/i.exec(header);
      if (!match?.[1] || !sameToken(match[1], expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new AuthenticationError('Metrics need Authorization: Bearer <SHOPTAG_METRICS_TOKEN>.', {
          code: 'metrics_token_invalid',
        });
      }
    }
    const { contentType, body } = await options.metrics.render();
    res.setHeader('Cache-Control', 'no-store');
    res.type(contentType).send(body);
  });
  return router;
}
