import express, { Router } from 'express';
import { InvalidRequestError } from '../../errors.js';
import type { WebhookService } from '../../services/checkout/index.js';

const WEBHOOK_BODY_LIMIT = '512kb';

/** `/v1/webhooks/stripe`: the raw body (the signature covers its exact bytes), no API key. */
export function webhooksRouter(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/stripe', express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req, res) => {
    if (!Buffer.isBuffer(req.body))
      throw new InvalidRequestError('Expected the raw event body.', { code: 'body_invalid' });
    res.json(await webhooks.handle(req.body, req.get('stripe-signature')));
  });
  return router;
}
