import { ImportJobParams } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { ImportJobs } from '../../../services/catalog/index.js';
import { parsePathId } from '../../middleware/validate.js';

/** `/v1/admin/imports`: follow an import job, or cancel it (secret key). */
export function adminImportsRouter(imports: ImportJobs): Router {
  const router = Router();
  const jobId = (params: unknown) => parsePathId(ImportJobParams, params, 'import').id;
  router.get('/:id', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await imports.get(jobId(req.params)));
  });
  router.post('/:id/cancel', async (req, res) => {
    res.json(await imports.cancel(jobId(req.params)));
  });
  return router;
}
