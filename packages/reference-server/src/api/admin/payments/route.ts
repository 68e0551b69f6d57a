import { UnresolvedPaymentQuery, type UnresolvedPaymentList } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { PlacementRecovery } from '../../../services/checkout/index.js';
import { parseInput } from '../../middleware/validate.js';

/** `/v1/admin/payments`: what crash recovery has not been able to finish (secret key). */
export function adminPaymentsRouter(recovery: PlacementRecovery): Router {
  const router = Router();
  router.get('/unresolved', async (req, res) => {
    const query = parseInput(UnresolvedPaymentQuery, req.query);
    const data = await recovery.unresolved(
      query.older_than_seconds === undefined ? {} : { olderThanMs: query.older_than_seconds * 1000 },
    );
    res.json({ object: 'list', data, has_more: false, next_cursor: null } satisfies UnresolvedPaymentList);
  });
  return router;
}
