import {
  CartCouponApply,
  CartCreate,
  CartItemCreate,
  CartItemUpdate,
  CartLineParams,
  CartParams,
} from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { CartService } from '../../services/cart/index.js';
import { parseInput, parsePathId } from '../middleware/validate.js';

/** `/v1/carts`: create and read carts, change their lines and coupon. */
export function cartsRouter(carts: CartService): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    res.json(await carts.create(parseInput(CartCreate, req.body ?? {})));
  });
  router.get('/:id', async (req, res) => {
    res.json(await carts.get(parsePathId(CartParams, req.params, 'cart').id));
  });
  router.post('/:id/items', async (req, res) => {
    const { id } = parsePathId(CartParams, req.params, 'cart');
    const body = parseInput(CartItemCreate, req.body);
    res.json(await carts.addItem(id, body.variant_id, body.quantity));
  });
  router.patch('/:id/items/:itemId', async (req, res) => {
    const { id, itemId } = parsePathId(CartLineParams, req.params, 'cart line');
    res.json(await carts.updateItem(id, itemId, parseInput(CartItemUpdate, req.body).quantity));
  });
  router.delete('/:id/items/:itemId', async (req, res) => {
    const { id, itemId } = parsePathId(CartLineParams, req.params, 'cart line');
    res.json(await carts.removeItem(id, itemId));
  });
  router.post('/:id/coupon', async (req, res) => {
    const { id } = parsePathId(CartParams, req.params, 'cart');
    res.json(await carts.applyCoupon(id, parseInput(CartCouponApply, req.body).code));
  });
  router.delete('/:id/coupon', async (req, res) => {
    res.json(await carts.removeCoupon(parsePathId(CartParams, req.params, 'cart').id));
  });
  return router;
}
