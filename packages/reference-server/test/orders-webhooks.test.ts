// Orders after placement (admin list, fulfil, refund, cancel with restock) with the simulated
// provider, and Stripe webhooks through the real stripe library against a local stand-in:
// signed events complete the checkout once; duplicates, stale events and bad signatures change nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Stripe from 'stripe';
import { CheckoutSession, ErrorBody, Order, OrderList, PaymentStart } from '@shoptag/sdk/contract';
import { createStripePayments } from '../src/payments/stripe.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}

async function readySession(
  app: TestApp,
  variantId: string,
  quantity: number,
  email = 'ada@example.com',
): Promise<CheckoutSession> {
  const cart = await app.request('/v1/carts', {
    method: 'POST',
    ...json({ items: [{ variant_id: variantId, quantity }] }),
  });
  const s = ok(
    await app.request('/v1/checkout-sessions', {
      method: 'POST',
      ...json({ cart_id: (cart.body as { id: string }).id }),
    }),
    CheckoutSession,
  );
  return ok(
    await app.request(`/v1/checkout-sessions/${s.id}`, {
      method: 'PATCH',
      ...json({ email, shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    }),
    CheckoutSession,
  );
}

forEachDatabase('admin orders', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app?.close());
  const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    app.request(path, {
      key: app.secretKey,
      method: init.method ?? 'GET',
      ...(init.body === undefined ? {} : json(init.body)),
    });
  const onHand = async (v: string) =>
    (await target.db.query<{ on_hand: number }>('SELECT on_hand FROM inventory_levels WHERE variant_id = $1', [v]))
      .rows[0]!.on_hand;
  const place = async (variantId: string, quantity: number, email?: string) => {
    const s = await readySession(app, variantId, quantity, email);
    return ok(
      await app.request(`/v1/checkout-sessions/${s.id}/complete`, {
        method: 'POST',
        ...json({ payment_method: 'pm_card_visa' }),
      }),
      Order,
    );
  };

  test('admins list orders newest first, filtered by status and email, page by page', async () => {
    const a = await place('var_fx050', 1, 'first@example.com');
    const b = await place('var_fx050', 1, 'second@example.com');
    const page = ok(await admin('/v1/admin/orders?limit=1'), OrderList);
    assert.equal(page.data[0]?.id, b.id);
    assert.equal(page.has_more, true);
    const next = ok(await admin(`/v1/admin/orders?limit=1&cursor=${page.next_cursor}`), OrderList);
    assert.equal(next.data[0]?.id, a.id);
    assert.deepEqual(
      ok(await admin('/v1/admin/orders?email=FIRST@example.com'), OrderList).data.map((o) => o.id),
      [a.id],
    );
    assert.equal(ok(await admin('/v1/admin/orders?status=fulfilled'), OrderList).data.length, 0);
    assert.equal((await app.request('/v1/admin/orders')).status, 403, 'a publishable key cannot list orders');
  });

  test('fulfil moves a paid order on; partial then full refunds add up and set the status', async () => {
    const order = await place('var_fx070', 2);
    const fulfilled = ok(
      await admin(`/v1/admin/orders/${order.id}/fulfil`, {
        method: 'POST',
        body: { carrier: 'UPS', tracking_number: '1Z999' },
      }),
      Order,
    );
    assert.equal(fulfilled.status, 'fulfilled');
    assert.equal(fulfilled.fulfillment?.tracking_number, '1Z999');
    const partial = ok(
      await admin(`/v1/admin/orders/${order.id}/refunds`, {
        method: 'POST',
        body: { amount: 500, reason: 'scratched' },
      }),
      Order,
    );
    assert.equal(partial.status, 'partially_refunded');
    assert.equal(partial.totals.refunded.amount, 500);
    const tooMuch = await admin(`/v1/admin/orders/${order.id}/refunds`, {
      method: 'POST',
      body: { amount: order.totals.total.amount },
    });
    assert.equal(tooMuch.status, 400);
    assert.equal(ErrorBody.parse(tooMuch.body).error.code, 'amount_too_large');
    const rest = ok(await admin(`/v1/admin/orders/${order.id}/refunds`, { method: 'POST', body: {} }), Order);
    assert.equal(rest.status, 'refunded');
    assert.equal(rest.totals.refunded.amount, order.totals.total.amount);
    assert.equal(rest.refunds.length, 2);
  });

  test('cancelling a paid order puts its units back and refunds it; a cancelled order cannot be fulfilled', async () => {
    const before = await onHand('var_fx100');
    const order = await place('var_fx100', 2);
    assert.equal(await onHand('var_fx100'), before - 2);
    const cancelled = ok(
      await admin(`/v1/admin/orders/${order.id}/cancel`, { method: 'POST', body: { reason: 'customer asked' } }),
      Order,
    );
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.totals.refunded.amount, order.totals.total.amount);
    assert.equal(await onHand('var_fx100'), before);
    const refused = await admin(`/v1/admin/orders/${order.id}/fulfil`, { method: 'POST', body: {} });
    assert.equal(refused.status, 409);
    assert.equal(ErrorBody.parse(refused.body).error.code, 'order_status_invalid');
  });
});

forEachDatabase('Stripe checkout and webhooks', (target) => {
  let app: TestApp;
  let standIn: StripeStandIn;
  const secret = 'whsec_checkout_test';
  const signer = new Stripe('sk_test_signer');
  before(async () => {
    standIn = await startStripeStandIn();
    const payments = createStripePayments({
      secretKey: 'sk_test_standin',
      publishableKey: 'pk_test_standin',
      webhookSecret: secret,
      api: standIn.api,
      maxNetworkRetries: 0,
    });
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), payments });
  });
  after(async () => {
    await app?.close();
    await standIn?.close();
  });

  const send = (event: object, signingSecret = secret) => {
    const payload = JSON.stringify(event);
    return app.request('/v1/webhooks/stripe', {
      key: null,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: signingSecret }),
      },
      body: payload,
    });
  };
  const event = (id: string, type: string, intentId: string) => ({
    id,
    object: 'event',
    type,
    data: { object: { id: intentId, object: 'payment_intent' } },
  });
  const ordersOf = async (sessionId: string) =>
    (await target.db.query('SELECT id FROM orders WHERE checkout_session_id = $1', [sessionId])).rowCount;

  test('with Stripe, payment starts a PaymentIntent and a signed webhook completes the checkout once', async () => {
    const s = await readySession(app, 'var_fx050', 1);
    const payment = ok(
      await app.request(`/v1/checkout-sessions/${s.id}/payment`, { method: 'POST', ...json({}) }),
      PaymentStart,
    );
    assert.equal(payment.provider, 'stripe');
    assert.equal(payment.publishable_key, 'pk_test_standin');
    assert.equal(standIn.intents.get(payment.intent_id)?.amount, s.totals.total.amount);
    assert.ok(
      standIn.requests.some((r) => r.idempotencyKey === `${s.id}:intent`),
      'the intent key derives from the session',
    );
    // An event for an intent the shopper has not confirmed yet changes nothing.
    assert.equal(
      (await send(event('evt_early', 'payment_intent.amount_capturable_updated', payment.intent_id))).status,
      200,
    );
    assert.equal(await ordersOf(s.id), 0);
    // The browser confirms with Stripe.js (here: the stand-in), then Stripe sends the event.
    const intent = standIn.intents.get(payment.intent_id)!;
    intent.status = 'requires_capture';
    intent.amount_capturable = intent.amount;
    const res = await send(event('evt_ready', 'payment_intent.amount_capturable_updated', payment.intent_id));
    assert.deepEqual(res.body, { received: true, duplicate: false });
    assert.equal(await ordersOf(s.id), 1);
    assert.equal(standIn.intents.get(payment.intent_id)?.status, 'succeeded', 'captured after the order was written');
    assert.deepEqual(
      (await send(event('evt_ready', 'payment_intent.amount_capturable_updated', payment.intent_id))).body,
      { received: true, duplicate: true },
    );
    // A late, out-of-order event is read against the intent as it is now: nothing changes.
    assert.equal((await send(event('evt_late', 'payment_intent.succeeded', payment.intent_id))).status, 200);
    assert.equal(await ordersOf(s.id), 1);
    // The browser's complete call after the webhook answers the same order.
    const order = ok(
      await app.request(`/v1/checkout-sessions/${s.id}/complete`, { method: 'POST', ...json({}) }),
      Order,
    );
    assert.equal(order.payment.reference, payment.intent_id);
    assert.equal(order.status, 'paid');
  });

  test('a webhook with a bad signature is a 400 and changes nothing', async () => {
    const s = await readySession(app, 'var_fx050', 1);
    const payment = ok(
      await app.request(`/v1/checkout-sessions/${s.id}/payment`, { method: 'POST', ...json({}) }),
      PaymentStart,
    );
    const intent = standIn.intents.get(payment.intent_id)!;
    intent.status = 'requires_capture';
    intent.amount_capturable = intent.amount;
    const res = await send(event('evt_forged', 'payment_intent.succeeded', payment.intent_id), 'whsec_wrong');
    assert.equal(res.status, 400);
    assert.equal(ErrorBody.parse(res.body).error.code, 'signature_invalid');
    assert.equal(await ordersOf(s.id), 0);
    assert.equal((await target.db.query("SELECT 1 FROM webhook_events WHERE id = 'evt_forged'")).rowCount, 0);
  });

  test('with Stripe, a declined confirmation is a 402 card_error from the library', async () => {
    const s = await readySession(app, 'var_fx050', 1);
    const res = await app.request(`/v1/checkout-sessions/${s.id}/complete`, {
      method: 'POST',
      ...json({ payment_method: 'pm_card_chargeDeclined' }),
    });
    assert.equal(res.status, 402);
    assert.equal(ErrorBody.parse(res.body).error.code, 'card_declined');
    assert.equal(
      ok(
        await app.request(`/v1/checkout-sessions/${s.id}/complete`, {
          method: 'POST',
          ...json({ payment_method: 'pm_card_visa' }),
        }),
        Order,
      ).status,
      'paid',
    );
  });
});
