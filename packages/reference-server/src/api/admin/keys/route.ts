import { ApiKeyCreate, ApiKeyListQuery, ApiKeyOriginsUpdate, ApiKeyParams, ApiKeyRotate } from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { KeyAdmin } from '../../../services/keys/index.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

/**
 * `/v1/admin/keys`: create, list, revoke and rotate API keys, and change a key's origins. Not
 * behind the Idempotency-Key store: that would keep the answer — the new key itself — in the
 * database, where only hashes belong.
 */
export function adminKeysRouter(keys: KeyAdmin): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    parseInput(ApiKeyListQuery, req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ object: 'list', data: await keys.list(), has_more: false, next_cursor: null });
  });
  router.post('/', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await keys.create(parseInput(ApiKeyCreate, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await keys.get(parsePathId(ApiKeyParams, req.params, 'API key').id));
  });
  router.post('/:id/revoke', async (req, res) => {
    res.json(await keys.revoke(parsePathId(ApiKeyParams, req.params, 'API key').id));
  });
  router.post('/:id/rotate', async (req, res) => {
    const { id } = parsePathId(ApiKeyParams, req.params, 'API key');
    const { grace_seconds } = parseInput(ApiKeyRotate, req.body ?? {});
    res.setHeader('Cache-Control', 'no-store');
    res.json(await keys.rotate(id, grace_seconds));
  });
  router.patch('/:id/origins', async (req, res) => {
    const { id } = parsePathId(ApiKeyParams, req.params, 'API key');
    res.json(await keys.updateOrigins(id, parseInput(ApiKeyOriginsUpdate, req.body)));
  });
  return router;
}
