import { InventoryQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { InventoryService } from '../../services/inventory/index.js';
import { parseInput } from '../middleware/validate.js';

/** `GET /v1/inventory?variant_ids=…`: availability for the storefront. */
export function inventoryRouter(inventory: InventoryService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await inventory.availability(parseInput(InventoryQuery, req.query).variant_ids));
  });
  return router;
}
