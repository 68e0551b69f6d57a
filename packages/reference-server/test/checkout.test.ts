// Checkout over HTTP on both databases: sessions from carts with stock held, addresses with
// field errors, shipping methods, payment with the simulated provider (declines, challenges),
// idempotent completion into one order, and the order read with its token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  Cart,
  CheckoutRequiresAction,
  CheckoutSession,
  ErrorBody,
  Order,
  PaymentStart,
  ShippingRateList,
} from '@shoptag/sdk/contract';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const MINUTE = 60_000;

function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}
function errorOf(res: TestResponse, status: number, code: string): ErrorBody['error'] {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const { error } = ErrorBody.parse(res.body);
  assert.equal(error.code, code, JSON.stringify(error));
  return error;
}

forEachDatabase('checkout', (target) => {
  let app: TestApp;
  const clock = manualClock();
  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      clock,
      commerce: { holdTtlMs: 15 * MINUTE },
      checkoutPricing: {
        zones: [
          {
            id: 'all',
            countries: '*',
            methods: [
              {
                id: 'standard',
                name: 'Standard',
                carrier: 'USPS',
                estimatedDays: { min: 3, max: 5 },
                rate: { type: 'flat', amount: 500 },
                freeOver: 10_000,
              },
              {
                id: 'express',
                name: 'Express',
                carrier: 'UPS',
                estimatedDays: { min: 1, max: 2 },
                rate: { type: 'weight', base: 1500, perKg: 300 },
                freeOver: null,
              },
            ],
          },
        ],
        tax: { rates: { 'US-CA': 725, DE: 1900 }, pricesIncludeTax: false, shippingTaxable: ['DE'] },
      },
    });
  });
  after(() => app?.close());

  const level = async (variantId: string) =>
    (
      await target.db.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1',
        [variantId],
      )
    ).rows[0]!;
  async function sessionFor(items: { variant_id: string; quantity: number }[]): Promise<CheckoutSession> {
    const cart = await app.request('/v1/carts', { method: 'POST', ...json({ items }) });
    assert.equal(cart.status, 200, JSON.stringify(cart.body));
    return ok(
      await app.request('/v1/checkout-sessions', {
        method: 'POST',
        ...json({ cart_id: (cart.body as { id: string }).id }),
      }),
      CheckoutSession,
    );
  }
  const patch = (id: string, body: unknown) =>
    app.request(`/v1/checkout-sessions/${id}`, { method: 'PATCH', ...json(body) });
  async function readySession(
    items: { variant_id: string; quantity: number }[],
    method = 'standard',
  ): Promise<CheckoutSession> {
    const s = await sessionFor(items);
    return ok(
      await patch(s.id, { email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: method }),
      CheckoutSession,
    );
  }
  const complete = (id: string, body: unknown, key?: string) =>
    app.request(`/v1/checkout-sessions/${id}/complete`, {
      method: 'POST',
      ...json(body, key ? { 'idempotency-key': key } : {}),
    });

  test('a session from a cart holds its stock for the TTL, and reading it pushes the expiry on', async () => {
    const before = await level('var_fx050');
    const s = await sessionFor([{ variant_id: 'var_fx050', quantity: 2 }]);
    assert.match(s.id, /^cs_[A-Za-z0-9]{26}$/);
    assert.equal(s.status, 'open');
    assert.equal(s.payment_provider, 'simulated');
    assert.equal(s.lines[0]?.quantity, 2);
    assert.equal((await level('var_fx050')).reserved, before.reserved + 2);
    assert.equal(Date.parse(s.expires_at), clock.now().getTime() + 15 * MINUTE);
    clock.advance(10 * MINUTE);
    const again = ok(await app.request(`/v1/checkout-sessions/${s.id}`), CheckoutSession);
    assert.equal(Date.parse(again.expires_at), clock.now().getTime() + 15 * MINUTE);
    assert.equal(again.ready, false);
  });

  test('an empty or unknown cart cannot start a checkout', async () => {
    const cart = await app.request('/v1/carts', { method: 'POST', ...json({}) });
    errorOf(
      await app.request('/v1/checkout-sessions', {
        method: 'POST',
        ...json({ cart_id: (cart.body as { id: string }).id }),
      }),
      400,
      'cart_empty',
    );
    errorOf(
      await app.request('/v1/checkout-sessions', {
        method: 'POST',
        ...json({ cart_id: 'cart_00000000000000000000000000' }),
      }),
      404,
      'resource_missing',
    );
  });

  test('a bad address is a 400 naming each field at fault, and changes nothing', async () => {
    const s = await sessionFor([{ variant_id: 'var_fx070', quantity: 1 }]);
    const error = errorOf(
      await patch(s.id, { shipping_address: { ...ADDRESS, postal_code: 'ABC', region: undefined, phone: '12' } }),
      400,
      'parameter_invalid',
    );
    assert.equal(error.param, 'shipping_address.postal_code');
    const fields = (error.details?.errors as { param: string }[]).map((e) => e.param).sort();
    assert.deepEqual(fields, ['shipping_address.phone', 'shipping_address.postal_code', 'shipping_address.region']);
    errorOf(await patch(s.id, { email: 'nope' }), 400, 'parameter_invalid');
    assert.equal(ok(await app.request(`/v1/checkout-sessions/${s.id}`), CheckoutSession).shipping_address, null);
  });

  test('shipping methods come with carrier, price and delivery days for the address and items; totals follow every change', async () => {
    const s = await sessionFor([{ variant_id: 'var_fx070', quantity: 2 }]);
    errorOf(await app.request(`/v1/checkout-sessions/${s.id}/shipping-methods`), 400, 'shipping_address_required');
    const withAddress = ok(await patch(s.id, { email: 'ada@example.com', shipping_address: ADDRESS }), CheckoutSession);
    // 2 × 9.99 in California at 7.25 %: tax 1.45 on the goods, none on shipping here.
    assert.equal(withAddress.totals.tax.amount, 145);
    assert.equal(withAddress.billing_same_as_shipping, true);
    assert.deepEqual(withAddress.billing_address, withAddress.shipping_address);
    const rates = ok(await app.request(`/v1/checkout-sessions/${s.id}/shipping-methods`), ShippingRateList);
    assert.deepEqual(
      rates.data.map((r) => [r.id, r.carrier, r.price.amount, r.estimated_days.max]),
      [
        ['standard', 'USPS', 500, 5],
        ['express', 'UPS', 1800, 2],
      ],
    );
    errorOf(await patch(s.id, { shipping_method_id: 'teleport' }), 400, 'shipping_method_unavailable');
    const chosen = ok(await patch(s.id, { shipping_method_id: 'express' }), CheckoutSession);
    assert.equal(chosen.ready, true);
    assert.equal(chosen.totals.shipping.amount, 1800);
    assert.equal(chosen.totals.total.amount, 1998 + 1800 + 145);
    const berlin = { name: 'Ada', line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' };
    const inGermany = ok(await patch(s.id, { shipping_address: berlin, billing_address: ADDRESS }), CheckoutSession);
    // 19 % on goods (3.80) and, in Germany, on shipping (3.42).
    assert.equal(inGermany.totals.tax.amount, 380 + 342);
    assert.equal(inGermany.billing_same_as_shipping, false);
    assert.equal(inGermany.billing_address?.country, 'US');
  });

  test('pm_card_visa places one order: stock sold, payment captured, cart emptied, order readable with its token', async () => {
    const before = await level('var_fx100');
    const s = await readySession([{ variant_id: 'var_fx100', quantity: 2 }]);
    const payment = ok(
      await app.request(`/v1/checkout-sessions/${s.id}/payment`, { method: 'POST', ...json({}) }),
      PaymentStart,
    );
    assert.equal(payment.provider, 'simulated');
    assert.equal(payment.amount.amount, s.totals.total.amount);
    const order = ok(await complete(s.id, { payment_method: 'pm_card_visa' }), Order);
    assert.match(order.number, /^ST-\d{6,}$/);
    assert.equal(order.status, 'paid');
    assert.equal(order.items[0]?.name, 'Fixture Product 10');
    assert.equal(order.items[0]?.quantity, 2);
    assert.deepEqual(order.payment.captured, order.totals.total);
    assert.equal(order.payment.reference, payment.intent_id);
    const after = await level('var_fx100');
    assert.deepEqual(after, { on_hand: before.on_hand - 2, reserved: before.reserved });
    const cart = await app.request(`/v1/carts/${s.cart_id}`);
    assert.equal((cart.body as { item_count: number }).item_count, 0);
    assert.equal(ok(await app.request(`/v1/checkout-sessions/${s.id}`), CheckoutSession).status, 'complete');
    assert.equal(ok(await app.request(`/v1/orders/${order.id}?token=${order.token}`), Order).id, order.id);
    errorOf(await app.request(`/v1/orders/${order.id}`), 404, 'resource_missing');
    errorOf(await app.request(`/v1/orders/${order.id}?token=otok_wrong`), 404, 'resource_missing');
    assert.equal(ok(await app.request(`/v1/orders/${order.id}`, { key: app.secretKey }), Order).id, order.id);
    // Completing again answers the same order.
    assert.equal(ok(await complete(s.id, { payment_method: 'pm_card_visa' }), Order).id, order.id);
    const count = await target.db.query('SELECT 1 FROM orders WHERE checkout_session_id = $1', [s.id]);
    assert.equal(count.rowCount, 1);
  });

  test('a declined card is a 402 card_error, keeps the stock held and the cart, and another card then succeeds', async () => {
    const s = await readySession([{ variant_id: 'var_fx050', quantity: 1 }]);
    const held = await level('var_fx050');
    const declined = errorOf(await complete(s.id, { payment_method: 'pm_card_chargeDeclined' }), 402, 'card_declined');
    assert.equal(declined.type, 'card_error');
    const poor = errorOf(
      await complete(s.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }),
      402,
      'card_declined',
    );
    assert.equal(poor.details?.decline_code, 'insufficient_funds');
    assert.deepEqual(await level('var_fx050'), held);
    assert.equal(ok(await app.request(`/v1/checkout-sessions/${s.id}`), CheckoutSession).status, 'open');
    assert.equal(
      (await app.request(`/v1/carts/${s.cart_id}`)).body &&
        ((await app.request(`/v1/carts/${s.cart_id}`)).body as { item_count: number }).item_count,
      1,
    );
    assert.equal(ok(await complete(s.id, { payment_method: 'pm_card_visa' }), Order).status, 'paid');
  });

  test('the authentication-required card asks for a challenge; completing it places the order, cancelling it declines', async () => {
    const s = await readySession([{ variant_id: 'var_fx050', quantity: 1 }]);
    const action = ok(
      await complete(s.id, { payment_method: 'pm_card_authenticationRequired' }),
      CheckoutRequiresAction,
    );
    assert.equal(action.next_action.type, 'simulated_challenge');
    ok(
      await app.request(`/v1/checkout-sessions/${s.id}/payment/authenticate`, {
        method: 'POST',
        ...json({ result: 'complete' }),
      }),
      CheckoutSession,
    );
    assert.equal(ok(await complete(s.id, {}), Order).status, 'paid');

    const t = await readySession([{ variant_id: 'var_fx050', quantity: 1 }]);
    ok(await complete(t.id, { payment_method: 'pm_card_authenticationRequired' }), CheckoutRequiresAction);
    ok(
      await app.request(`/v1/checkout-sessions/${t.id}/payment/authenticate`, {
        method: 'POST',
        ...json({ result: 'cancel' }),
      }),
      CheckoutSession,
    );
    errorOf(await complete(t.id, {}), 402, 'payment_intent_authentication_failure');
    assert.equal(ok(await complete(t.id, { payment_method: 'pm_card_visa' }), Order).status, 'paid');
  });

  test('an Idempotency-Key replays the same order; with another body it is a 409 idempotency_error', async () => {
    const s = await readySession([{ variant_id: 'var_fx070', quantity: 1 }]);
    const first = await complete(s.id, { payment_method: 'pm_card_visa' }, 'order-key-1');
    const again = await complete(s.id, { payment_method: 'pm_card_visa' }, 'order-key-1');
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const mismatch = errorOf(
      await complete(s.id, { payment_method: 'pm_card_mastercard' }, 'order-key-1'),
      409,
      'idempotency_key_reused',
    );
    assert.equal(mismatch.type, 'idempotency_error');
  });

  test('a checkout without email, address or method cannot pay, naming what is missing', async () => {
    const s = await sessionFor([{ variant_id: 'var_fx070', quantity: 1 }]);
    assert.equal(
      errorOf(await complete(s.id, { payment_method: 'pm_card_visa' }), 400, 'checkout_incomplete').param,
      'email',
    );
    await patch(s.id, { email: 'a@example.com', shipping_address: ADDRESS });
    assert.equal(
      errorOf(
        await app.request(`/v1/checkout-sessions/${s.id}/payment`, { method: 'POST', ...json({}) }),
        400,
        'checkout_incomplete',
      ).param,
      'shipping_method_id',
    );
  });

  test('a lapsed hold is released by the sweeper; the session then expires if the stock is gone', async () => {
    const s = await readySession([{ variant_id: 'var_fx090', quantity: 2 }]);
    assert.equal((await level('var_fx090')).reserved, 2);
    clock.advance(16 * MINUTE);
    await app.commerce.reservations.releaseExpired();
    assert.equal((await level('var_fx090')).reserved, 0);
    // Someone else buys the units meanwhile.
    const other = await readySession([{ variant_id: 'var_fx090', quantity: 2 }]);
    ok(await complete(other.id, { payment_method: 'pm_card_visa' }), Order);
    errorOf(await complete(s.id, { payment_method: 'pm_card_visa' }), 409, 'out_of_stock');
    assert.equal(ok(await app.request(`/v1/checkout-sessions/${s.id}`), CheckoutSession).status, 'expired');
    errorOf(await complete(s.id, { payment_method: 'pm_card_visa' }), 409, 'checkout_expired');
    const intents = await target.db.query(
      "SELECT 1 FROM simulated_payment_intents WHERE metadata->>'checkout_session_id' = $1 AND amount_captured > 0",
      [s.id],
    );
    assert.equal(intents.rowCount, 0, 'nothing was captured for it');
  });

  test("starting checkout again answers the open session; once the cart changed, a new one takes the first one's stock", async () => {
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: 'var_fx010', quantity: 2 }] }),
    });
    const cartId = (cart.body as { id: string }).id;
    const before = await level('var_fx010');
    const a = ok(
      await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cartId }) }),
      CheckoutSession,
    );
    const again = ok(
      await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cartId }) }),
      CheckoutSession,
    );
    assert.equal(again.id, a.id, 'the cart has not changed: its open session');
    assert.equal((await level('var_fx010')).reserved, before.reserved + 2);
    ok(
      await app.request(`/v1/carts/${cartId}/items`, {
        method: 'POST',
        ...json({ variant_id: 'var_fx010', quantity: 1 }),
      }),
      Cart,
    );
    const b = ok(
      await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cartId }) }),
      CheckoutSession,
    );
    assert.notEqual(a.id, b.id);
    assert.equal((await level('var_fx010')).reserved, before.reserved + 3);
    assert.equal(ok(await app.request(`/v1/checkout-sessions/${a.id}`), CheckoutSession).status, 'expired');
  });
});
