// The losers of a checkout race: a shopper whose coupon another order used up gets the coupon's one
// error code (the one the cart answers too), and a checkout that can no longer be paid ends at once,
// its held units back on sale and its authorization cancelled, instead of waiting for the hold's TTL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AvailabilityList,
  CheckoutRequiresAction,
  CheckoutSession,
  ErrorBody,
  Order,
  PaymentStart,
} from '@shoptag/sdk/contract';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

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

forEachDatabase('checkout losers', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app?.close());

  const admin = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', key: app.secretKey, ...json(body) });
  const level = async (variantId: string) =>
    (
      await target.db.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1',
        [variantId],
      )
    ).rows[0]!;
  const available = async (variantId: string) =>
    ok(await app.request(`/v1/inventory?variant_ids=${variantId}`), AvailabilityList).data[0]!.available;
  const complete = (id: string, body: unknown) =>
    app.request(`/v1/checkout-sessions/${id}/complete`, { method: 'POST', ...json(body) });
  const session = async (id: string) => ok(await app.request(`/v1/checkout-sessions/${id}`), CheckoutSession);

  /** A cart with `quantity` of `variantId` (and `coupon`, if given) and its checkout, ready to pay. */
  async function readySession(variantId: string, quantity: number, coupon?: string): Promise<CheckoutSession> {
    const cart = (
      await app.request('/v1/carts', { method: 'POST', ...json({ items: [{ variant_id: variantId, quantity }] }) })
    ).body as { id: string };
    if (coupon)
      assert.equal(
        (await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code: coupon }) })).status,
        200,
      );
    const s = ok(
      await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cart.id }) }),
      CheckoutSession,
    );
    return ok(
      await app.request(`/v1/checkout-sessions/${s.id}`, {
        method: 'PATCH',
        ...json({ email: `${s.id}@example.com`, shipping_address: ADDRESS, shipping_method_id: 'standard' }),
      }),
      CheckoutSession,
    );
  }

  test('a shopper whose coupon another order used up gets coupon_used_up, and its held units are back on sale at once', async () => {
    assert.equal(
      (await admin('/v1/admin/coupons', { code: 'LASTONE', type: 'percentage', percent_off: 10, usage_limit: 1 }))
        .status,
      200,
    );
    const winner = await readySession('var_fx100', 2, 'LASTONE');
    const loser = await readySession('var_fx100', 2, 'LASTONE');
    assert.equal(loser.coupon_code, 'LASTONE');
    const payment = ok(
      await app.request(`/v1/checkout-sessions/${loser.id}/payment`, { method: 'POST' }),
      PaymentStart,
    );
    assert.equal(payment.amount.amount, loser.totals.total.amount, 'the loser was shown the discounted total');
    assert.equal(ok(await complete(winner.id, { payment_method: 'pm_card_visa' }), Order).status, 'paid');
    assert.deepEqual(await level('var_fx100'), { on_hand: 4, reserved: 2 });

    const refused = errorOf(await complete(loser.id, { payment_method: 'pm_card_visa' }), 422, 'coupon_used_up');
    assert.match(refused.message, /checkout has ended/);
    assert.deepEqual(await level('var_fx100'), { on_hand: 4, reserved: 0 }, 'the loser holds nothing any more');
    assert.equal(await available('var_fx100'), 4);
    const ended = await session(loser.id);
    assert.equal(ended.status, 'expired');
    assert.equal(ended.payment?.status, 'canceled', 'its payment can no longer be confirmed at another amount');

    // The cart answers the same code for the same cause.
    const cart = (
      await app.request('/v1/carts', { method: 'POST', ...json({ items: [{ variant_id: 'var_fx100', quantity: 1 }] }) })
    ).body as { id: string };
    errorOf(
      await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code: 'LASTONE' }) }),
      422,
      'coupon_used_up',
    );
  });

  test('a checkout whose total changed after its payment was authorized ends at once: authorization cancelled, stock back', async () => {
    const before = await level('var_fx070');
    const s = await readySession('var_fx070', 1);
    ok(await complete(s.id, { payment_method: 'pm_card_authenticationRequired' }), CheckoutRequiresAction);
    ok(
      await app.request(`/v1/checkout-sessions/${s.id}/payment/authenticate`, {
        method: 'POST',
        ...json({ result: 'complete' }),
      }),
      CheckoutSession,
    );
    assert.equal((await level('var_fx070')).reserved, before.reserved + 1);
    await target.db.query('UPDATE variants SET price_amount = price_amount + 100 WHERE id = $1', ['var_fx070']);
    try {
      errorOf(await complete(s.id, {}), 409, 'amount_mismatch');
    } finally {
      await target.db.query('UPDATE variants SET price_amount = price_amount - 100 WHERE id = $1', ['var_fx070']);
    }
    assert.deepEqual(await level('var_fx070'), before);
    const ended = await session(s.id);
    assert.equal(ended.status, 'expired');
    assert.equal(ended.payment?.status, 'canceled');
  });

  test('ten shoppers racing for a coupon with one use: one order, nine coupon_used_up, nothing left held', async () => {
    assert.equal(
      (await admin('/v1/admin/coupons', { code: 'RACE', type: 'fixed_amount', amount_off: 500, usage_limit: 1 }))
        .status,
      200,
    );
    const sessions = [];
    for (let i = 0; i < 10; i++) sessions.push(await readySession('var_fx050', 1, 'RACE'));
    // Half of them have started their payment (an intent at the discounted amount), half pay in one step.
    for (const s of sessions.slice(0, 5))
      ok(await app.request(`/v1/checkout-sessions/${s.id}/payment`, { method: 'POST' }), PaymentStart);
    const answers = await Promise.all(sessions.map((s) => complete(s.id, { payment_method: 'pm_card_visa' })));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, JSON.stringify(answers.map((r) => r.body)));
    for (const r of answers.filter((a) => a.status !== 200)) errorOf(r, 422, 'coupon_used_up');
    assert.deepEqual(await level('var_fx050'), { on_hand: 9, reserved: 0 });
    const order = Order.parse(answers.find((r) => r.status === 200)!.body);
    assert.equal(order.totals.discount.amount, 500);
  });
});
