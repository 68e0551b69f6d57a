import { ORDER_TOKEN_HEADER, OrderParams, OrderTokenHeaders, OrderTokenQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { OrderService } from '../../services/checkout/index.js';
import { parseInput, parsePathId } from '../middleware/validate.js';

/**
 * `/v1/orders/:id`: the shopper's view of an order, with its access token (or a secret key). The
 * token comes in the `Shoptag-Order-Token` header; `?token=` of older links is still read (and
 * redacted from the request log). An order is personal data: no cache may keep it.
 */
export function ordersRouter(orders: OrderService): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const { id } = parsePathId(OrderParams, req.params, 'order');
    const header = parseInput(OrderTokenHeaders, { [ORDER_TOKEN_HEADER]: req.get(ORDER_TOKEN_HEADER) })[
      ORDER_TOKEN_HEADER
    ];
    const { token } = parseInput(OrderTokenQuery, req.query);
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await orders.get(id, { token: header ?? token, admin: res.locals.principal?.kind === 'secret' }));
  });
  return router;
}
