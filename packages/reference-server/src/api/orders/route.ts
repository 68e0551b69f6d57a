import { OrderParams, OrderTokenQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { OrderService } from '../../services/checkout/index.js';
import { parseInput, parsePathId } from '../middleware/validate.js';

/** `/v1/orders/:id`: the shopper's view of an order, with its access token (or a secret key). */
export function ordersRouter(orders: OrderService): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const { id } = parsePathId(OrderParams, req.params, 'order');
    const { token } = parseInput(OrderTokenQuery, req.query);
    res.json(await orders.get(id, { token, admin: res.locals.principal?.kind === 'secret' }));
  });
  return router;
}
