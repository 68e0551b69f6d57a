import {
  CheckoutComplete,
  CheckoutSessionCreate,
  CheckoutSessionParams,
  CheckoutSessionUpdate,
  PaymentAuthenticate,
} from '@shoptag/sdk/contract';
import { Router } from 'express';
import type { CheckoutService } from '../../services/checkout/index.js';
import { parseFormInput } from '../middleware/field-errors.js';
import { parseInput, parsePathId } from '../middleware/validate.js';

/** `/v1/checkout-sessions`: start from a cart, fill in, pay, complete. */
export function checkoutSessionsRouter(sessions: CheckoutService): Router {
  const router = Router();
  const sessionId = (params: unknown) => parsePathId(CheckoutSessionParams, params, 'checkout session').id;
  router.post('/', async (req, res) => {
    res.json(await sessions.create(parseInput(CheckoutSessionCreate, req.body ?? {}).cart_id));
  });
  router.get('/:id', async (req, res) => {
    res.json(await sessions.get(sessionId(req.params)));
  });
  router.patch('/:id', async (req, res) => {
    const id = sessionId(req.params);
    res.json(await sessions.update(id, parseFormInput(CheckoutSessionUpdate, req.body ?? {})));
  });
  router.get('/:id/shipping-methods', async (req, res) => {
    res.json(await sessions.shippingMethods(sessionId(req.params)));
  });
  router.post('/:id/payment', async (req, res) => {
    res.json(await sessions.startPayment(sessionId(req.params)));
  });
  router.post('/:id/payment/authenticate', async (req, res) => {
    const id = sessionId(req.params);
    res.json(await sessions.authenticate(id, parseInput(PaymentAuthenticate, req.body).result));
  });
  router.post('/:id/complete', async (req, res) => {
    const id = sessionId(req.params);
    res.json(await sessions.complete(id, parseInput(CheckoutComplete, req.body ?? {}), req.get('idempotency-key')));
  });
  return router;
}
