import { AuditLogQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { AuditLog } from '../../../services/audit/index.js';
import { parseInput } from '../../middleware/validate.js';

/** `GET /v1/admin/audit-log` (owners and secret keys): who changed what, newest first. */
export function adminAuditLogRouter(audit: AuditLog): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseInput(AuditLogQuery, req.query);
    res.json(
      await audit.list({
        ...(q.actor === undefined ? {} : { actor: q.actor }),
        ...(q.action === undefined ? {} : { action: q.action }),
        ...(q.target_type === undefined ? {} : { targetType: q.target_type }),
        ...(q.target_id === undefined ? {} : { targetId: q.target_id }),
        ...(q.since === undefined ? {} : { since: new Date(q.since) }),
        ...(q.limit === undefined ? {} : { limit: q.limit }),
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      }),
    );
  });
  return router;
}
