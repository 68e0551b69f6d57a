import { Router } from 'express';
import type { HealthService } from '../../services/health/index.js';

/** `GET /v1/health`: no key needed; 200 while the database answers (`degraded` without the cache), 503 when it does not. */
export function healthRouter(health: HealthService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const report = await health.check();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.status === 'down' ? 503 : 200).json(report);
  });
  return router;
}
