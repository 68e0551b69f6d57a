import { ShopSettingsUpdate } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { SettingsService } from '../../../services/settings/index.js';
import { parseInput } from '../../middleware/validate.js';

/** `/v1/admin/settings`: the shop settings in force, and saving sections of them (owners only with a session). */
export function adminSettingsRouter(settings: SettingsService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await settings.view());
  });
  router.patch('/', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await settings.update(parseInput(ShopSettingsUpdate, req.body)));
  });
  return router;
}
