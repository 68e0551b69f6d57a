import { StaffInvite, StaffParams, StaffUpdate } from '@shoptag/sdk/contract';
import { Router, type Request } from 'express';
import type { AuditActor } from '../../../services/audit/index.js';
import type { StaffAccounts } from '../../../services/staff/index.js';
import type { RequestPrincipal } from '../../locals.js';
import { ownOrigin } from '../../middleware/staff-session.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

function actorOf(principal: RequestPrincipal | undefined): AuditActor {
  if (principal?.kind === 'staff') return { kind: 'staff', id: principal.staffId, label: principal.email };
  return { kind: 'api_key', id: principal?.keyId ?? null, label: principal?.keyId ?? '' };
}

/** `/v1/admin/staff` (owners and secret keys): list, invite, change role or name, disable. */
export function adminStaffRouter(accounts: StaffAccounts, linkOrigin?: () => string | null): Router {
  const router = Router();
  const origin = (req: Request) => linkOrigin?.() ?? ownOrigin(req);
  router.get('/', async (_req, res) => {
    const data = await accounts.list();
    res.json({ object: 'list', data, has_more: false, next_cursor: null, total: data.length });
  });
  router.post('/', async (req, res) => {
    const input = parseInput(StaffInvite, req.body);
    const member = await accounts.invite(input, {
      actor: actorOf(res.locals.principal),
      origin: origin(req),
      context: { ip: req.ip ?? 'unknown', requestId: res.locals.requestId },
    });
    res.locals.audit = { action: 'staff.invite', summary: `Invited ${member.email} as ${member.role}` };
    res.json(member);
  });
  router.get('/:id', async (req, res) => {
    res.json(await accounts.get(parsePathId(StaffParams, req.params, 'staff account').id));
  });
  router.patch('/:id', async (req, res) => {
    const { id } = parsePathId(StaffParams, req.params, 'staff account');
    const change = parseInput(StaffUpdate, req.body);
    const member = await accounts.update(id, change);
    const what = [
      change.role === undefined ? null : `role ${change.role}`,
      change.name === undefined ? null : 'name',
      change.disabled === undefined ? null : change.disabled ? 'disabled' : 'enabled',
    ].filter(Boolean);
    res.locals.audit = {
      action: change.disabled === true ? 'staff.disable' : change.disabled === false ? 'staff.enable' : 'staff.update',
      summary: `${member.email}: ${what.join(', ')}`,
    };
    res.json(member);
  });
  return router;
}
