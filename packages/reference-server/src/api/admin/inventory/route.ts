import {
  HoldCreate,
  HoldParams,
  InventoryAdjust,
  InventoryParams,
  InventorySet,
  LowStockQuery,
} from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { InventoryService, ReservationService } from '../../../services/inventory/index.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

/** `/v1/admin/inventory`: stock levels, adjustments, the low-stock report, and holds for outside channels. */
export function adminInventoryRouter(inventory: InventoryService, reservations: ReservationService): Router {
  const router = Router();
  // Fixed paths first: `low-stock` and `holds` are not variant ids.
  router.get('/low-stock', async (req, res) => {
    res.json(await inventory.lowStock(parseInput(LowStockQuery, req.query)));
  });
  router.post('/holds', async (req, res) => {
    const body = parseInput(HoldCreate, req.body);
    const hold = await reservations.reserve(
      body.items.map((i) => ({ variantId: i.variant_id, quantity: i.quantity })),
      body.ttl_seconds === undefined ? {} : { ttlMs: body.ttl_seconds * 1000 },
    );
    res.json({
      object: 'inventory_hold',
      id: hold.id,
      items: hold.items.map((i) => ({ variant_id: i.variantId, quantity: i.quantity })),
      expires_at: hold.expiresAt.toISOString(),
    });
  });
  router.delete('/holds/:holdId', async (req, res) => {
    const { holdId } = parsePathId(HoldParams, req.params, 'hold');
    await reservations.release(holdId);
    res.json({ object: 'inventory_hold', id: holdId, released: true });
  });
  router.get('/:variantId', async (req, res) => {
    res.json(await inventory.level(parsePathId(InventoryParams, req.params, 'variant').variantId));
  });
  router.put('/:variantId', async (req, res) => {
    const { variantId } = parsePathId(InventoryParams, req.params, 'variant');
    res.json(await inventory.setOnHand(variantId, parseInput(InventorySet, req.body).on_hand));
  });
  router.post('/:variantId/adjust', async (req, res) => {
    const { variantId } = parsePathId(InventoryParams, req.params, 'variant');
    res.json(await inventory.adjust(variantId, parseInput(InventoryAdjust, req.body).delta));
  });
  return router;
}
