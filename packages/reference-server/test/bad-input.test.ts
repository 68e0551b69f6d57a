// Malformed input found by probing the server from outside: each case answers a 4xx in the one
// error shape — never a 5xx — and a refused request leaves every table as it was.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import Stripe from 'stripe';
import { Cart, CheckoutSession, ErrorBody, InventoryLevel, Order } from '@shoptag/sdk/contract';
import { createStripePayments } from '../src/payments/stripe.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { changedTables, fingerprint, stateTables } from './support/state-fingerprint.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { startTestApp, type RequestOptions, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const cursorOf = (sort: string, values: unknown[]) =>
  Buffer.from(JSON.stringify({ s: sort, k: values })).toString('base64url');

/** Asserts a 4xx in the error shape with this status (and code and param, when given). */
function refused(res: TestResponse, status: number, code?: string, param?: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const { error } = ErrorBody.parse(res.body);
  if (code !== undefined) assert.equal(error.code, code, error.message);
  if (param !== undefined) assert.equal(error.param, param, error.message);
}

/** Sends raw bytes on a fresh connection and answers the status line and the parsed JSON body. */
async function rawRequest(url: string, bytes: string): Promise<{ statusLine: string; body: unknown }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (data += chunk));
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', () => resolve());
    socket.write(bytes);
  });
  const [head = '', body = ''] = data.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0] ?? '', body: JSON.parse(body) };
}

forEachDatabase('bad input', (target) => {
  let app: TestApp;
  let tables: string[];
  let cart: Cart;
  let session: CheckoutSession;
  let order: Order;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
    tables = await stateTables(target.db);
    cart = Cart.parse(
      (
        await app.request('/v1/carts', {
          method: 'POST',
          ...json({ items: [{ variant_id: 'var_fx050', quantity: 1 }] }),
        })
      ).body,
    );
    const placedCart = Cart.parse(
      (
        await app.request('/v1/carts', {
          method: 'POST',
          ...json({ items: [{ variant_id: 'var_fx050', quantity: 1 }] }),
        })
      ).body,
    );
    const placing = CheckoutSession.parse(
      (await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: placedCart.id }) })).body,
    );
    await app.request(`/v1/checkout-sessions/${placing.id}`, {
      method: 'PATCH',
      ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    order = Order.parse(
      (
        await app.request(`/v1/checkout-sessions/${placing.id}/complete`, {
          method: 'POST',
          ...json({ payment_method: 'pm_card_visa' }),
        })
      ).body,
    );
    session = CheckoutSession.parse(
      (await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cart.id }) })).body,
    );
  });
  after(() => app?.close());

  const admin = (path: string, init: RequestOptions = {}) => app.request(path, { key: app.secretKey, ...init });
  /** Runs `send` and asserts that no table changed. */
  async function unchanged(send: () => Promise<TestResponse>): Promise<TestResponse> {
    const before = await fingerprint(target.db, tables);
    const res = await send();
    assert.deepEqual(
      changedTables(before, await fingerprint(target.db, tables)),
      [],
      `a refused request changed state: ${JSON.stringify(res.body)}`,
    );
    return res;
  }

  test('a malformed percent-escape in any path parameter is a 400 path_invalid', async () => {
    refused(await app.request('/v1/products/%E0%A4%A'), 400, 'path_invalid');
    refused(await app.request('/v1/products/%E0%A4%A/related'), 400, 'path_invalid');
    refused(
      await app.request('/v1/carts/%E0%A4%A/items', { method: 'POST', ...json({ variant_id: 'var_fx050' }) }),
      400,
      'path_invalid',
    );
    refused(await admin('/v1/admin/coupons/%zz', { method: 'DELETE' }), 400, 'path_invalid');
    refused(await app.request('/media/products/%E0%A4%A.svg', { key: null }), 400, 'path_invalid');
    refused(await app.request('/v1/no-such-route/%', { key: null }), 400, 'path_invalid');
  });

  test('a NUL in a path parameter is a 400 path_invalid, not a lookup', async () => {
    refused(await app.request('/v1/products/abc%00'), 400, 'path_invalid');
    refused(await app.request('/v1/categories/%00'), 400, 'path_invalid');
  });

  test('a NUL byte in a query value is a 400 naming the parameter', async () => {
    refused(await app.request('/v1/products?brand=%00'), 400, 'parameter_invalid', 'brand');
    refused(await app.request('/v1/products?category=shirts%00'), 400, 'parameter_invalid', 'category');
    refused(await app.request('/v1/search?options=Size:%00'), 400, 'parameter_invalid', 'options');
    refused(await app.request('/v1/search/suggest?q=a%00'), 400, 'parameter_invalid', 'q');
    refused(await admin('/v1/admin/orders?email=a%00@example.com'), 400, 'parameter_invalid', 'email');
    refused(await app.request('/v1/products?brand=a&brand=%00'), 400, 'parameter_invalid', 'brand.1');
  });

  test('a NUL byte in a coupon code, an address, a reason, a carrier or an admin field is a 400 naming it, and nothing is written', async () => {
    refused(
      await unchanged(() =>
        app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code: 'SAVE\u000010' }) }),
      ),
      400,
      'parameter_invalid',
      'code',
    );
    refused(
      await unchanged(() =>
        app.request(`/v1/checkout-sessions/${session.id}`, {
          method: 'PATCH',
          ...json({ shipping_address: { ...ADDRESS, line1: '1 Market\u0000 St' } }),
        }),
      ),
      400,
      'parameter_invalid',
      'shipping_address.line1',
    );
    refused(
      await unchanged(() =>
        admin(`/v1/admin/orders/${order.id}/refunds`, {
          method: 'POST',
          ...json({ amount: 100, reason: 'broken\u0000' }),
        }),
      ),
      400,
      'parameter_invalid',
      'reason',
    );
    refused(
      await unchanged(() =>
        admin(`/v1/admin/orders/${order.id}/cancel`, { method: 'POST', ...json({ reason: '\u0000' }) }),
      ),
      400,
      'parameter_invalid',
      'reason',
    );
    refused(
      await unchanged(() =>
        admin(`/v1/admin/orders/${order.id}/fulfil`, { method: 'POST', ...json({ carrier: 'UPS\u0000' }) }),
      ),
      400,
      'parameter_invalid',
      'carrier',
    );
    refused(
      await unchanged(() =>
        admin('/v1/admin/coupons', { method: 'POST', ...json({ code: 'NUL\u0000', type: 'free_shipping' }) }),
      ),
      400,
      'parameter_invalid',
      'code',
    );
  });

  test('a lone surrogate in product attributes or an address is a 400 naming it, and nothing is written', async () => {
    const product = {
      handle: 'surrogate-test',
      name: 'Surrogate',
      category: 'cat_shirts',
      variants: [{ sku: 'SUR-1', price: 100 }],
    };
    refused(
      await unchanged(() =>
        admin('/v1/admin/products', {
          method: 'POST',
          ...json({ ...product, attributes: { Material: 'Cotton \ud800' } }),
        }),
      ),
      400,
      'parameter_invalid',
      'attributes.Material',
    );
    refused(
      await unchanged(() =>
        admin('/v1/admin/products', { method: 'POST', ...json({ ...product, attributes: { '\udc00': 'x' } }) }),
      ),
      400,
      'parameter_invalid',
      'attributes.\ufffd',
    );
    refused(
      await unchanged(() =>
        app.request(`/v1/checkout-sessions/${session.id}`, {
          method: 'PATCH',
          ...json({ shipping_address: { ...ADDRESS, city: '\ud800' } }),
        }),
      ),
      400,
      'parameter_invalid',
      'shipping_address.city',
    );
  });

  test('JSON nested 20,000 levels deep with an Idempotency-Key is a 400 body_too_deep before it is hashed', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const res = await unchanged(() =>
      app.request('/v1/carts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-json' },
        body: deep,
      }),
    );
    refused(res, 400, 'body_too_deep');
    const objects = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    refused(
      await app.request('/v1/carts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-object' },
        body: objects,
      }),
      400,
      'body_too_deep',
    );
    assert.equal(
      (await target.db.query("SELECT 1 FROM idempotency_keys WHERE key IN ('deep-json', 'deep-object')")).rowCount,
      0,
      'no key was claimed',
    );
  });

  test('a body that does not decode with its Content-Encoding is a 400 body_encoding_invalid', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await unchanged(() =>
        app.request('/v1/carts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
          body: '{}',
        }),
      );
      refused(res, 400, 'body_encoding_invalid', 'Content-Encoding');
    }
  });

  test('a compressed JSON body that does decode is read as usual', async () => {
    const body = JSON.stringify({ items: [{ variant_id: 'var_fx050', quantity: 1 }] });
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(body)],
      ['deflate', deflateSync(body)],
    ] as const) {
      const res = await fetch(`${app.url}/v1/carts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${app.publishableKey}`,
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body: bytes,
      });
      assert.equal(res.status, 200, encoding);
      assert.equal(Cart.parse(await res.json()).item_count, 1);
    }
  });

  test('an unsupported Content-Encoding, charset or Content-Type is a 415 in the error shape', async () => {
    const post = (headers: Record<string, string>, body = '{}') =>
      unchanged(() => app.request('/v1/carts', { method: 'POST', headers, body }));
    refused(
      await post({ 'content-type': 'application/json', 'content-encoding': 'compress' }),
      415,
      'content_encoding_unsupported',
      'Content-Encoding',
    );
    refused(
      await post({ 'content-type': 'application/json; charset=latin1' }),
      415,
      'charset_unsupported',
      'Content-Type',
    );
    refused(
      await post({ 'content-type': 'application/xml' }, '<cart/>'),
      415,
      'content_type_unsupported',
      'Content-Type',
    );
    refused(
      await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'items=1'),
      415,
      'content_type_unsupported',
      'Content-Type',
    );
  });

  test('a coupon usage_limit past 2^31-1, or an amount past the money bound, is a 400 naming it', async () => {
    const create = (extra: object) =>
      unchanged(() =>
        admin('/v1/admin/coupons', {
          method: 'POST',
          ...json({ code: 'BIG', type: 'fixed_amount', amount_off: 100, ...extra }),
        }),
      );
    refused(await create({ usage_limit: 2_147_483_648 }), 400, 'parameter_invalid', 'usage_limit');
    refused(await create({ per_email_limit: 2_147_483_648 }), 400, 'parameter_invalid', 'per_email_limit');
    refused(await create({ amount_off: 10_000_000_001 }), 400, 'parameter_invalid', 'amount_off');
    refused(await create({ minimum_subtotal: 2 ** 53 }), 400, 'parameter_invalid', 'minimum_subtotal');
    refused(
      await unchanged(() =>
        admin(`/v1/admin/orders/${order.id}/refunds`, { method: 'POST', ...json({ amount: 2 ** 62 }) }),
      ),
      400,
      'parameter_invalid',
      'amount',
    );
  });

  test('adjusting stock past the cap PUT has is a 409 inventory_limit_exceeded, however often it is repeated', async () => {
    const put = await admin('/v1/admin/inventory/var_fx070', { method: 'PUT', ...json({ on_hand: 999_999 }) });
    assert.equal(InventoryLevel.parse(put.body).on_hand, 999_999);
    assert.equal(
      InventoryLevel.parse(
        (await admin('/v1/admin/inventory/var_fx070/adjust', { method: 'POST', ...json({ delta: 1 }) })).body,
      ).on_hand,
      1_000_000,
    );
    for (let i = 0; i < 3; i++) {
      const res = await unchanged(() =>
        admin('/v1/admin/inventory/var_fx070/adjust', { method: 'POST', ...json({ delta: 1_000_000 }) }),
      );
      refused(res, 409, 'inventory_limit_exceeded', 'delta');
    }
    refused(
      await admin('/v1/admin/inventory/var_fx070', { method: 'PUT', ...json({ on_hand: 1_000_001 }) }),
      400,
      'parameter_invalid',
      'on_hand',
    );
    assert.equal(
      InventoryLevel.parse(
        (await admin('/v1/admin/inventory/var_fx070/adjust', { method: 'POST', ...json({ delta: -1_000_000 }) })).body,
      ).on_hand,
      0,
    );
  });

  test('a forged cursor is a 400 naming cursor on every list', async () => {
    const forged = cursorOf('coupons', ['not a date', 'cpn_1']);
    refused(await admin(`/v1/admin/coupons?cursor=${forged}`), 400, 'parameter_invalid', 'cursor');
    refused(
      await admin(`/v1/admin/coupons?cursor=${cursorOf('coupons', ['2026-01-01T00:00:00.000Z', 'cpn_\u0000'])}`),
      400,
      'parameter_invalid',
      'cursor',
    );
    refused(
      await admin(`/v1/admin/orders?cursor=${cursorOf('orders', ['not a date', 'ord_1'])}`),
      400,
      'parameter_invalid',
      'cursor',
    );
    refused(
      await admin(`/v1/admin/orders?cursor=${cursorOf('orders', ['2026-01-01T00:00:00.000Z', 'ord_\u0000'])}`),
      400,
      'parameter_invalid',
      'cursor',
    );
    refused(
      await app.request(`/v1/products?cursor=${cursorOf('relevance', [0, 'prod_\u0000'])}`),
      400,
      'parameter_invalid',
      'cursor',
    );
    refused(
      await app.request(`/v1/products?sort=newest&cursor=${cursorOf('newest', ['not a date', 'prod_1'])}`),
      400,
      'parameter_invalid',
      'cursor',
    );
    refused(
      await app.request(`/v1/search?cursor=${cursorOf('relevance', ['\ud800'])}`),
      400,
      'parameter_invalid',
      'cursor',
    );
  });

  test('a CSV import with a NUL byte is a 400 and imports nothing', async () => {
    const csv = 'Handle,Title,Variant SKU,Variant Price\nnul-shirt,Shirt\u0000,NUL-1,10.00\n';
    refused(
      await unchanged(() =>
        admin('/v1/admin/products/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }),
      ),
      400,
      'parameter_invalid',
      'body',
    );
  });

  test("Node's HTTP parser errors are answered in the error shape: 400 for a malformed request, 431 for oversized headers", async () => {
    const malformed = await rawRequest(app.url, 'GET /v1/health HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n');
    assert.match(malformed.statusLine, /^HTTP\/1\.1 400 /);
    assert.equal(ErrorBody.parse(malformed.body).error.code, 'request_malformed');
    const huge = await rawRequest(
      app.url,
      `GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    assert.match(huge.statusLine, /^HTTP\/1\.1 431 /);
    assert.equal(ErrorBody.parse(huge.body).error.code, 'headers_too_large');
  });
});

forEachDatabase('bad Stripe events', (target) => {
  let app: TestApp;
  let standIn: StripeStandIn;
  let tables: string[];
  const secret = 'whsec_bad_input_test';
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
    tables = await stateTables(target.db);
  });
  after(async () => {
    await app?.close();
    await standIn?.close();
  });
  const send = (event: unknown) => {
    const payload = JSON.stringify(event);
    return app.request('/v1/webhooks/stripe', {
      key: null,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret }),
      },
      body: payload,
    });
  };

  test('a validly signed event without data is a 400 event_invalid and records nothing', async () => {
    const before = await fingerprint(target.db, tables);
    refused(await send({ id: 'evt_no_data', object: 'event', type: 'payment_intent.succeeded' }), 400, 'event_invalid');
    refused(
      await send({ id: 'evt_null_object', object: 'event', type: 'payment_intent.succeeded', data: { object: null } }),
      400,
      'event_invalid',
    );
    refused(
      await send({ object: 'event', type: 'payment_intent.succeeded', data: { object: {} } }),
      400,
      'event_invalid',
    );
    refused(
      await send({ id: 'evt_\u0000', object: 'event', type: 'payment_intent.succeeded', data: { object: {} } }),
      400,
      'event_invalid',
    );
    refused(await send([1, 2, 3]), 400, 'event_invalid');
    assert.deepEqual(changedTables(before, await fingerprint(target.db, tables)), []);
  });

  test('a validly signed event for a PaymentIntent the shop does not know is acknowledged and ignored, without asking Stripe', async () => {
    const asked = standIn.requests.length;
    const res = await send({
      id: 'evt_foreign',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_of_another_integration', object: 'payment_intent' } },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { received: true, duplicate: false });
    assert.equal(standIn.requests.length, asked, 'the foreign intent was not retrieved');
    assert.equal((await target.db.query('SELECT 1 FROM orders')).rowCount, 0);
    assert.deepEqual(
      (
        await send({
          id: 'evt_foreign',
          object: 'event',
          type: 'payment_intent.succeeded',
          data: { object: { id: 'pi_of_another_integration', object: 'payment_intent' } },
        })
      ).body,
      {
        received: true,
        duplicate: true,
      },
    );
  });
});
