import { Router } from 'express';
import type { HealthService } from '../../services/health/index.js';

/**
 * `GET /v1/health`: liveness, no key, no dependency checked (200 while the process answers).
 * `GET /v1/health/ready`: readiness, 200 only while the database and the cache answer and the
 * process is not draining; otherwise 503 with the same body saying why.
 */
export function healthRouter(health: HealthService): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(health.live());
  });
  router.get('/ready', async (_req, res) => {
    const report = await health.check();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.status === 'ok' && !report.draining ? 200 : 503).json(report);
  });
  return router;
}
