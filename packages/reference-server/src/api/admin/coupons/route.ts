import { CouponCreate, CouponListQuery, CouponParams, CouponUpdate, CouponUsageQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { CouponService } from '../../../services/coupons/index.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

/** `/v1/admin/coupons`: coupon CRUD, filters by state, type and code, and each coupon's usage. */
export function adminCouponsRouter(coupons: CouponService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await coupons.list(parseInput(CouponListQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.json(await coupons.create(parseInput(CouponCreate, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await coupons.get(parsePathId(CouponParams, req.params, 'coupon').id));
  });
  router.get('/:id/usage', async (req, res) => {
    const { id } = parsePathId(CouponParams, req.params, 'coupon');
    res.json(await coupons.usage(id, parseInput(CouponUsageQuery, req.query)));
  });
  router.patch('/:id', async (req, res) => {
    const { id } = parsePathId(CouponParams, req.params, 'coupon');
    res.json(await coupons.update(id, parseInput(CouponUpdate, req.body)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await coupons.delete(parsePathId(CouponParams, req.params, 'coupon').id));
  });
  return router;
}
