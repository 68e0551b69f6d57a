// Server carts over HTTP on both databases: lines, merging, bounds, stock, pricing, expiry,
// coupons, and bad input that leaves the cart unchanged.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cart, ErrorBody } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const DAY = 86_400_000;

function cartOf(res: TestResponse): Cart {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return Cart.parse(res.body);
}
function errorOf(res: TestResponse, status: number, code: string): ErrorBody['error'] {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const { error } = ErrorBody.parse(res.body);
  assert.equal(error.code, code, JSON.stringify(error));
  return error;
}

forEachDatabase('carts', (target) => {
  let app: TestApp;
  const clock = manualClock();
  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      clock,
      commerce: { maxLineQuantity: 6, cartTtlMs: 30 * DAY },
    });
  });
  after(() => app?.close());

  const newCart = async (body: unknown = {}) =>
    cartOf(await app.request('/v1/carts', { method: 'POST', ...json(body) }));
  const add = (id: string, body: unknown) => app.request(`/v1/carts/${id}/items`, { method: 'POST', ...json(body) });
  const read = async (id: string) => cartOf(await app.request(`/v1/carts/${id}`));

  test('a new cart is empty, priced at zero, with an unguessable id', async () => {
    const cart = await newCart();
    assert.match(cart.id, /^cart_[A-Za-z0-9]{26}$/);
    assert.equal(cart.item_count, 0);
    assert.deepEqual(cart.totals.total, { amount: 0, currency: 'USD' });
    assert.notEqual((await newCart()).id, cart.id);
    assert.equal((await read(cart.id)).id, cart.id);
  });

  test('adding a variant twice merges into one line and the server prices it', async () => {
    const cart = await newCart();
    cartOf(await add(cart.id, { variant_id: 'var_fx050', quantity: 1 }));
    const after = cartOf(await add(cart.id, { variant_id: 'var_fx050', quantity: 2 }));
    assert.equal(after.lines.length, 1);
    const [line] = after.lines;
    assert.equal(line!.quantity, 3);
    assert.deepEqual(line!.unit_price, { amount: 4500, currency: 'USD' });
    assert.deepEqual(line!.line_total, { amount: 13_500, currency: 'USD' });
    assert.equal(line!.name, 'Fixture Product 5');
    assert.equal(after.item_count, 3);
    // $135 is over the $50 threshold: free shipping, no tax by default.
    assert.deepEqual(after.totals, {
      subtotal: { amount: 13_500, currency: 'USD' },
      discount: { amount: 0, currency: 'USD' },
      shipping: { amount: 0, currency: 'USD' },
      tax: { amount: 0, currency: 'USD' },
      total: { amount: 13_500, currency: 'USD' },
      tax_included: false,
    });
  });

  test('a price sent by the client is ignored', async () => {
    const cart = await newCart();
    const after = cartOf(
      await add(cart.id, {
        variant_id: 'var_fx070',
        quantity: 1,
        price: 1,
        unit_price: { amount: 1, currency: 'USD' },
      }),
    );
    assert.equal(after.lines[0]!.unit_price.amount, 999);
    // $9.99 + $5.00 flat shipping, and $40.01 more for free shipping.
    assert.equal(after.totals.total.amount, 1499);
    assert.deepEqual(after.free_shipping, {
      threshold: { amount: 5000, currency: 'USD' },
      remaining: { amount: 4001, currency: 'USD' },
    });
  });

  test('adding more than is in stock answers 409 out_of_stock with the available quantity and changes nothing', async () => {
    const cart = await newCart();
    cartOf(await add(cart.id, { variant_id: 'var_fx030', quantity: 2 }));
    const error = errorOf(await add(cart.id, { variant_id: 'var_fx030', quantity: 2 }), 409, 'out_of_stock');
    assert.equal(error.type, 'invalid_request_error');
    assert.equal(error.details?.available, 3);
    assert.equal((await read(cart.id)).lines[0]!.quantity, 2);
    errorOf(await add(cart.id, { variant_id: 'var_fx020', quantity: 1 }), 409, 'out_of_stock');
  });

  test('a line never holds more than the configured maximum', async () => {
    const cart = await newCart();
    cartOf(await add(cart.id, { variant_id: 'var_fx070', quantity: 6 }));
    const error = errorOf(await add(cart.id, { variant_id: 'var_fx070', quantity: 1 }), 400, 'quantity_limit_exceeded');
    assert.equal(error.details?.max_quantity, 6);
    assert.equal((await read(cart.id)).lines[0]!.quantity, 6);
  });

  test('adds to one cart at the same time all count, and never past the stock', async () => {
    const cart = await newCart();
    // var_fx050 has plenty; five adds of one unit at once make a line of five.
    const plenty = await Promise.all(
      Array.from({ length: 5 }, () => add(cart.id, { variant_id: 'var_fx050', quantity: 1 })),
    );
    plenty.forEach((res) => cartOf(res));
    // var_fx030 has three: of five adds at once, three succeed and two are refused.
    const few = await Promise.all(
      Array.from({ length: 5 }, () => add(cart.id, { variant_id: 'var_fx030', quantity: 1 })),
    );
    assert.equal(few.filter((res) => res.status === 200).length, 3);
    few.filter((res) => res.status !== 200).forEach((res) => errorOf(res, 409, 'out_of_stock'));
    const lines = (await read(cart.id)).lines.map((l) => [l.variant_id, l.quantity]);
    assert.deepEqual(lines.sort(), [
      ['var_fx030', 3],
      ['var_fx050', 5],
    ]);
  });

  test('a line quantity is changed and a line removed', async () => {
    const cart = await newCart({ items: [{ variant_id: 'var_fx050', quantity: 1 }, { variant_id: 'var_fx070' }] });
    assert.equal(cart.lines.length, 2);
    const [first, second] = cart.lines;
    const changed = cartOf(
      await app.request(`/v1/carts/${cart.id}/items/${first!.id}`, { method: 'PATCH', ...json({ quantity: 4 }) }),
    );
    assert.equal(changed.lines.find((l) => l.id === first!.id)!.quantity, 4);
    errorOf(
      await app.request(`/v1/carts/${cart.id}/items/${first!.id}`, { method: 'PATCH', ...json({ quantity: 11 }) }),
      400,
      'quantity_limit_exceeded',
    );
    const removed = cartOf(await app.request(`/v1/carts/${cart.id}/items/${second!.id}`, { method: 'DELETE' }));
    assert.deepEqual(
      removed.lines.map((l) => l.id),
      [first!.id],
    );
    errorOf(
      await app.request(`/v1/carts/${cart.id}/items/${second!.id}`, { method: 'DELETE' }),
      404,
      'resource_missing',
    );
  });

  test('a cart untouched for its idle time is gone, and using it keeps it alive', async () => {
    const kept = await newCart();
    const dropped = await newCart();
    clock.advance(20 * DAY);
    await read(kept.id);
    clock.advance(20 * DAY);
    assert.equal((await read(kept.id)).id, kept.id);
    errorOf(await app.request(`/v1/carts/${dropped.id}`), 404, 'resource_missing');
    errorOf(await add(dropped.id, { variant_id: 'var_fx050', quantity: 1 }), 404, 'resource_missing');
  });

  test('coupons: applied, replaced, removed, and each refusal has its own code', async () => {
    const now = clock.now().getTime();
    const admin = (path: string, body: unknown) =>
      app.request(path, { method: 'POST', key: app.secretKey, ...json(body) });
    assert.equal((await admin('/v1/admin/coupons', { code: 'ten', type: 'percentage', percent_off: 10 })).status, 200);
    assert.equal((await admin('/v1/admin/coupons', { code: 'SHIPFREE', type: 'free_shipping' })).status, 200);
    assert.equal(
      (
        await admin('/v1/admin/coupons', {
          code: 'BIG5',
          type: 'fixed_amount',
          amount_off: 500,
          minimum_subtotal: 4000,
        })
      ).status,
      200,
    );
    assert.equal(
      (
        await admin('/v1/admin/coupons', {
          code: 'OLD',
          type: 'free_shipping',
          ends_at: new Date(now - DAY).toISOString(),
        })
      ).status,
      200,
    );
    assert.equal(
      (
        await admin('/v1/admin/coupons', {
          code: 'SOON',
          type: 'free_shipping',
          starts_at: new Date(now + DAY).toISOString(),
        })
      ).status,
      200,
    );
    assert.equal(
      (await admin('/v1/admin/coupons', { code: 'GONE', type: 'free_shipping', usage_limit: 1 })).status,
      200,
    );
    await app.commerce.coupons.redeem(
      target.db,
      (await app.commerce.coupons.list({ limit: 100 })).data.find((c) => c.code === 'GONE')!.id,
      'a@example.com',
      'order_1',
    );

    const cart = await newCart({ items: [{ variant_id: 'var_fx070', quantity: 2 }] });
    const apply = (code: string) => app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code }) });
    const ten = cartOf(await apply('Ten'));
    assert.equal(ten.coupon?.code, 'TEN');
    assert.equal(ten.totals.discount.amount, 200); // 10 % of 1998 = 199.8 → 200
    assert.equal(ten.totals.total.amount, 1998 - 200 + 500);
    errorOf(await apply('NOPE'), 422, 'coupon_unknown');
    errorOf(await apply('OLD'), 422, 'coupon_expired');
    errorOf(await apply('SOON'), 422, 'coupon_not_yet_valid');
    errorOf(await apply('GONE'), 422, 'coupon_used_up');
    const below = errorOf(await apply('BIG5'), 422, 'coupon_below_minimum');
    assert.deepEqual(below.details?.minimum_subtotal, { amount: 4000, currency: 'USD' });
    assert.equal((await read(cart.id)).coupon?.code, 'TEN', 'a refused code leaves the applied one');
    const free = cartOf(await apply('shipfree'));
    assert.equal(free.coupon?.code, 'SHIPFREE');
    assert.equal(free.totals.shipping.amount, 0);
    assert.equal(free.totals.total.amount, 1998);
    const none = cartOf(await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'DELETE' }));
    assert.equal(none.coupon, null);
    assert.equal(none.totals.shipping.amount, 500);
  });

  test('a coupon whose minimum is no longer met stays on the cart but gives nothing, saying why', async () => {
    const cart = await newCart({ items: [{ variant_id: 'var_fx050', quantity: 1 }] });
    cartOf(await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code: 'BIG5' }) }));
    const lineId = (await read(cart.id)).lines[0]!.id;
    await app.request(`/v1/carts/${cart.id}/items/${lineId}`, { method: 'DELETE' });
    const after = cartOf(
      await app.request(`/v1/carts/${cart.id}/items`, {
        method: 'POST',
        ...json({ variant_id: 'var_fx070', quantity: 1 }),
      }),
    );
    assert.equal(after.coupon?.applies, false);
    assert.match(after.coupon?.message ?? '', /at least 40\.00 USD/);
    assert.equal(after.totals.discount.amount, 0);
  });

  test('bad input on every cart route is a clear 4xx in the one error shape and changes nothing', async () => {
    const cart = await newCart({ items: [{ variant_id: 'var_fx050', quantity: 1 }] });
    const lineId = cart.lines[0]!.id;
    const before = await read(cart.id);
    const cases: [string, string, unknown, number, string, string?][] = [
      ['POST', '/v1/carts', { items: 'x' }, 400, 'parameter_invalid', 'items'],
      ['POST', '/v1/carts', { currency: 'EUR' }, 400, 'parameter_unknown', 'currency'],
      ['POST', `/v1/carts/${cart.id}/items`, { quantity: 1 }, 400, 'parameter_missing', 'variant_id'],
      [
        'POST',
        `/v1/carts/${cart.id}/items`,
        { variant_id: 'var_fx050', quantity: 0 },
        400,
        'parameter_invalid',
        'quantity',
      ],
      [
        'POST',
        `/v1/carts/${cart.id}/items`,
        { variant_id: 'var_fx050', quantity: 1.5 },
        400,
        'parameter_invalid',
        'quantity',
      ],
      [
        'POST',
        `/v1/carts/${cart.id}/items`,
        { variant_id: 'var_fx050', quantity: '2' },
        400,
        'parameter_invalid',
        'quantity',
      ],
      [
        'POST',
        `/v1/carts/${cart.id}/items`,
        { variant_id: 'var_fx050', quantity: 1, discount: 5 },
        400,
        'parameter_unknown',
        'discount',
      ],
      [
        'POST',
        `/v1/carts/${cart.id}/items`,
        { variant_id: 'var_nope', quantity: 1 },
        404,
        'resource_missing',
        'variant_id',
      ],
      [
        'POST',
        `/v1/carts/${cart.id}/items`,
        { variant_id: 'prod_fx05', quantity: 1 },
        400,
        'parameter_invalid',
        'variant_id',
      ],
      ['PATCH', `/v1/carts/${cart.id}/items/${lineId}`, { quantity: -1 }, 400, 'parameter_invalid', 'quantity'],
      ['PATCH', `/v1/carts/${cart.id}/items/${lineId}`, {}, 400, 'parameter_missing', 'quantity'],
      ['PATCH', `/v1/carts/${cart.id}/items/line_nope`, { quantity: 1 }, 404, 'resource_missing', 'itemId'],
      ['DELETE', `/v1/carts/${cart.id}/items/not-a-line`, undefined, 404, 'resource_missing', 'itemId'],
      ['POST', `/v1/carts/${cart.id}/coupon`, { code: '' }, 400, 'parameter_invalid', 'code'],
      ['POST', `/v1/carts/${cart.id}/coupon`, {}, 400, 'parameter_missing', 'code'],
      ['GET', '/v1/carts/cart_short', undefined, 404, 'resource_missing', 'id'],
      ['GET', '/v1/carts/cart_AAAAAAAAAAAAAAAAAAAAAAAAAAAA', undefined, 404, 'resource_missing', 'id'],
      [
        'POST',
        '/v1/carts/cart_AAAAAAAAAAAAAAAAAAAAAAAAAAAA/items',
        { variant_id: 'var_fx050' },
        404,
        'resource_missing',
        'id',
      ],
    ];
    for (const [method, path, body, status, code, param] of cases) {
      const res = await app.request(path, { method, ...(body === undefined ? {} : json(body)) });
      const error = errorOf(res, status, code);
      assert.match(error.request_id, /^req_/);
      if (param) assert.equal(error.param, param, `${method} ${path} ${JSON.stringify(body)}`);
    }
    const bad = await app.request(`/v1/carts/${cart.id}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"variant_id":',
    });
    errorOf(bad, 400, 'body_invalid_json');
    const after = await read(cart.id);
    assert.deepEqual({ ...after, expires_at: '' }, { ...before, expires_at: '' });
  });

  test('a retried add with the same Idempotency-Key adds once and answers the same cart', async () => {
    const cart = await newCart();
    const headers = { 'content-type': 'application/json', 'idempotency-key': `idk_${cart.id}` };
    const body = JSON.stringify({ variant_id: 'var_fx050', quantity: 2 });
    const first = await app.request(`/v1/carts/${cart.id}/items`, { method: 'POST', headers, body });
    const retry = await app.request(`/v1/carts/${cart.id}/items`, { method: 'POST', headers, body });
    assert.deepEqual(retry.body, first.body);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal((await read(cart.id)).lines[0]!.quantity, 2);
    const other = await app.request(`/v1/carts/${cart.id}/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ variant_id: 'var_fx050', quantity: 1 }),
    });
    assert.equal(other.status, 409);
    assert.equal(ErrorBody.parse(other.body).error.type, 'idempotency_error');
  });

  test('carts need a key', async () => {
    const res = await app.request('/v1/carts', { method: 'POST', key: null, ...json({}) });
    assert.equal(res.status, 401);
  });
});
