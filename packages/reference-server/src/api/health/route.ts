import { Router } from 'express';
import type { HealthService } from '../../services/health/index.js';

/**
 * `GET /v1/health`: liveness, no key, no dependency checked (200 while the process answers).
 * `GET /v1/health/ready`: readiness, 200 while the database answers and the process is not
 * draining; otherwise 503 with the same body saying why. Without Redis the body says `degraded`
 * but the answer stays 200: the process still serves (from PostgreSQL), and every process shares
 * that Redis, so a balancer that drops unready processes would drop them all.
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
    res.status(report.status !== 'down' && !report.draining ? 200 : 503).json(report);
  });
  return router;
}
