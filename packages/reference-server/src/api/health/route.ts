import { Router } from 'express';
import type { HealthService } from '../../services/health/index.js';

/** `GET /v1/health`: no key needed; 503 while a component does not answer. */
export function healthRouter(health: HealthService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const report = await health.check();
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
