import {
  OrderCancel,
  OrderEventQuery,
  OrderFulfil,
  OrderListQuery,
  OrderNoteCreate,
  OrderParams,
  OrderResolve,
  RefundCreate,
} from '@shoptag/sdk/contract';
import { Router, type Response } from 'express';
import type { OrderActor, OrderService } from '../../../services/checkout/index.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

/** Who is acting, for the order's timeline: a signed-in staff member or the secret key used. */
function actorOf(res: Response): OrderActor {
  const principal: unknown = res.locals.principal;
  if (typeof principal === 'object' && principal !== null) {
    const p = principal as { kind?: unknown; staffId?: unknown; keyId?: unknown };
    if (p.kind === 'staff' && typeof p.staffId === 'string') return { kind: 'staff', id: p.staffId };
    if (typeof p.keyId === 'string') return { kind: 'key', id: p.keyId };
  }
  return { kind: 'system', id: null };
}

/**
 * `/v1/admin/orders`: list and search, read, timeline and notes, ship (in part or whole), deliver,
 * cancel, refund (with a preview), and resolve a pending order.
 */
export function adminOrdersRouter(orders: OrderService): Router {
  const router = Router();
  const orderId = (params: unknown) => parsePathId(OrderParams, params, 'order').id;
  router.get('/', async (req, res) => {
    res.json(await orders.list(parseInput(OrderListQuery, req.query)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await orders.get(orderId(req.params), { admin: true }));
  });
  router.get('/:id/events', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.events(id, parseInput(OrderEventQuery, req.query)));
  });
  router.post('/:id/notes', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.addNote(id, parseInput(OrderNoteCreate, req.body ?? {}).body, actorOf(res)));
  });
  router.post('/:id/fulfil', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.fulfil(id, parseInput(OrderFulfil, req.body ?? {}), actorOf(res)));
  });
  router.post('/:id/deliver', async (req, res) => {
    res.json(await orders.markDelivered(orderId(req.params), actorOf(res)));
  });
  router.post('/:id/cancel', async (req, res) => {
    const id = orderId(req.params);
    res.json(
      await orders.cancel(id, parseInput(OrderCancel, req.body ?? {}), req.get('idempotency-key'), actorOf(res)),
    );
  });
  router.post('/:id/refunds/preview', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.previewRefund(id, parseInput(RefundCreate, req.body ?? {})));
  });
  router.post('/:id/refunds', async (req, res) => {
    const id = orderId(req.params);
    res.json(
      await orders.refund(id, parseInput(RefundCreate, req.body ?? {}), req.get('idempotency-key'), actorOf(res)),
    );
  });
  router.post('/:id/resolve', async (req, res) => {
    const id = orderId(req.params);
    res.json(
      await orders.resolve(id, parseInput(OrderResolve, req.body ?? {}), req.get('idempotency-key'), actorOf(res)),
    );
  });
  return router;
}
