import {
  OrderCancel,
  OrderFulfil,
  OrderListQuery,
  OrderParams,
  OrderResolve,
  RefundCreate,
} from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { OrderService } from '../../../services/checkout/index.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

/** `/v1/admin/orders`: list, read, fulfil, deliver, cancel, refund, and resolve a pending order (secret key). */
export function adminOrdersRouter(orders: OrderService): Router {
  const router = Router();
  const orderId = (params: unknown) => parsePathId(OrderParams, params, 'order').id;
  router.get('/', async (req, res) => {
    res.json(await orders.list(parseInput(OrderListQuery, req.query)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await orders.get(orderId(req.params), { admin: true }));
  });
  router.post('/:id/fulfil', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.fulfil(id, parseInput(OrderFulfil, req.body ?? {})));
  });
  router.post('/:id/deliver', async (req, res) => {
    res.json(await orders.markDelivered(orderId(req.params)));
  });
  router.post('/:id/cancel', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.cancel(id, parseInput(OrderCancel, req.body ?? {}), req.get('idempotency-key')));
  });
  router.post('/:id/refunds', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.refund(id, parseInput(RefundCreate, req.body ?? {}), req.get('idempotency-key')));
  });
  router.post('/:id/resolve', async (req, res) => {
    const id = orderId(req.params);
    res.json(await orders.resolve(id, parseInput(OrderResolve, req.body ?? {}), req.get('idempotency-key')));
  });
  return router;
}
