// Idempotency keys of a publishable key (which every shopper of a shop shares) are scoped to what
// the request acts on: two shoppers who send one key never get each other's answer, and a retry by
// one shopper still gets its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cart, CheckoutSession } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const SHOPPER_A = '203.0.113.10';
const SHOPPER_B = '198.51.100.20';

function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}
const replayed = (res: TestResponse) => res.headers.get('idempotent-replayed') === 'true';

forEachDatabase('Idempotency-Key scopes', (target) => {
  let app: TestApp;
  before(async () => {
    // One trusted proxy: X-Forwarded-For names the shopper, as behind a load balancer.
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), overrides: { trustProxy: 1 } });
  });
  after(() => app?.close());

  const post = (path: string, body: unknown, key: string, from = SHOPPER_A, apiKey?: string) =>
    app.request(path, {
      method: 'POST',
      ...(apiKey ? { key: apiKey } : {}),
      headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });

  test('two carts that add an item with one Idempotency-Key and one body each get their own answer', async () => {
    const a = ok(await post('/v1/carts', {}, 'create-a'), Cart);
    const b = ok(await post('/v1/carts', {}, 'create-b', SHOPPER_B), Cart);
    const item = { variant_id: 'var_fx050', quantity: 1 };
    const first = await post(`/v1/carts/${a.id}/items`, item, 'add-shirt');
    const second = await post(`/v1/carts/${b.id}/items`, item, 'add-shirt', SHOPPER_B);
    assert.equal(ok(first, Cart).id, a.id);
    assert.equal(ok(second, Cart).id, b.id, 'the second cart is answered with itself, not the first');
    assert.equal(replayed(second), false);
    assert.equal(ok(await app.request(`/v1/carts/${b.id}`), Cart).item_count, 1, 'the add ran on the second cart');
    // The same shopper retrying on its own cart gets its stored answer.
    const retry = await post(`/v1/carts/${a.id}/items`, item, 'add-shirt');
    assert.equal(replayed(retry), true);
    assert.equal(ok(await app.request(`/v1/carts/${a.id}`), Cart).item_count, 1, 'the retry did not add twice');
  });

  test('two shoppers who create a cart with one key get two carts, and each retry gets its own', async () => {
    const a = ok(await post('/v1/carts', {}, 'same-create-key', SHOPPER_A), Cart);
    const b = ok(await post('/v1/carts', {}, 'same-create-key', SHOPPER_B), Cart);
    assert.notEqual(a.id, b.id, "shopper B must not receive shopper A's cart");
    const retryA = await post('/v1/carts', {}, 'same-create-key', SHOPPER_A);
    const retryB = await post('/v1/carts', {}, 'same-create-key', SHOPPER_B);
    assert.equal(ok(retryA, Cart).id, a.id);
    assert.equal(ok(retryB, Cart).id, b.id);
    assert.ok(replayed(retryA) && replayed(retryB));
  });

  test('two carts that start checkout with one key each get their own session', async () => {
    const sessionFor = async (from: string) => {
      const cart = ok(
        await post('/v1/carts', { items: [{ variant_id: 'var_fx100', quantity: 1 }] }, `cart-${from}`, from),
        Cart,
      );
      return { cart, res: await post('/v1/checkout-sessions', { cart_id: cart.id }, 'start-checkout', from) };
    };
    const a = await sessionFor(SHOPPER_A);
    const b = await sessionFor(SHOPPER_B);
    assert.equal(ok(a.res, CheckoutSession).cart_id, a.cart.id);
    assert.equal(ok(b.res, CheckoutSession).cart_id, b.cart.id);
    assert.notEqual(ok(a.res, CheckoutSession).id, ok(b.res, CheckoutSession).id);
  });

  test('the keys of a secret key stay its own wherever its requests come from', async () => {
    const coupon = { code: 'SCOPED', type: 'free_shipping' };
    const first = await post('/v1/admin/coupons', coupon, 'admin-coupon', SHOPPER_A, app.secretKey);
    const second = await post('/v1/admin/coupons', coupon, 'admin-coupon', SHOPPER_B, app.secretKey);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(second.body, first.body);
    assert.equal(replayed(second), true);
  });
});
