import {
  HoldCreate,
  HoldParams,
  InventoryAdjust,
  InventoryHistoryQuery,
  InventoryParams,
  InventorySet,
  LowStockQuery,
} from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { InventoryService, ReservationService } from '../../../services/inventory/index.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';
import { adminActor } from '../actor.js';

/**
 * `/v1/admin/inventory`: stock levels, counts and adjustments with their reason, each variant's
 * stock history, the low-stock report, and holds for outside channels.
 */
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
    const { on_hand, reason, note } = parseInput(InventorySet, req.body);
    res.json(await inventory.setOnHand(variantId, on_hand, { reason, note, actor: adminActor(res) }));
  });
  router.post('/:variantId/adjust', async (req, res) => {
    const { variantId } = parsePathId(InventoryParams, req.params, 'variant');
    const { delta, reason, note } = parseInput(InventoryAdjust, req.body);
    res.json(await inventory.adjust(variantId, delta, { reason, note, actor: adminActor(res) }));
  });
  router.get('/:variantId/history', async (req, res) => {
    const { variantId } = parsePathId(InventoryParams, req.params, 'variant');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await inventory.history(variantId, parseInput(InventoryHistoryQuery, req.query)));
  });
  return router;
}
