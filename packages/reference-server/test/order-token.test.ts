// An order is read with its access token in the Shoptag-Order-Token header (the SDK's way) or, for
// old links, `?token=`; no request log line ever holds the token, and no cache keeps the order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CheckoutSession, ErrorBody, Order } from '@shoptag/sdk/contract';
import { createLogger } from '../src/logger.js';
import { redactRequestTarget } from '../src/redact-url.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}

test('a logged request target keeps its path and harmless parameters but not its credentials', () => {
  assert.equal(
    redactRequestTarget('/v1/orders/ord_1?token=otok_abc&expand=items'),
    '/v1/orders/ord_1?token=[redacted]&expand=items',
  );
  assert.equal(redactRequestTarget('/v1/orders/ord_1?%74oken=abc'), '/v1/orders/ord_1?%74oken=[redacted]');
  assert.equal(redactRequestTarget('/v1/x?api_key=sk_test_abcdefghijklmnopqrstuvwx'), '/v1/x?api_key=[redacted]');
  assert.equal(
    redactRequestTarget('/v1/x?q=pk_live_abcdefghijklmnopqrstuvwx'),
    '/v1/x?q=[redacted]',
    'a key pasted anywhere',
  );
  assert.equal(redactRequestTarget('/v1/products?category=mugs&limit=5'), '/v1/products?category=mugs&limit=5');
  assert.equal(redactRequestTarget('/v1/products'), '/v1/products');
});

forEachDatabase('order access tokens', (target) => {
  let app: TestApp;
  const lines: string[] = [];
  let order: Order;
  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      logger: createLogger('debug', (line) => lines.push(line)),
    });
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: 'var_fx050', quantity: 1 }] }),
    });
    const s = ok(
      await app.request('/v1/checkout-sessions', {
        method: 'POST',
        ...json({ cart_id: (cart.body as { id: string }).id }),
      }),
      CheckoutSession,
    );
    await app.request(`/v1/checkout-sessions/${s.id}`, {
      method: 'PATCH',
      ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    order = ok(
      await app.request(`/v1/checkout-sessions/${s.id}/complete`, {
        method: 'POST',
        ...json({ payment_method: 'pm_card_visa' }),
      }),
      Order,
    );
  });
  after(() => app?.close());

  test('the token in the Shoptag-Order-Token header reads the order, which no cache may keep', async () => {
    const res = await app.request(`/v1/orders/${order.id}`, { headers: { 'shoptag-order-token': order.token! } });
    assert.equal(ok(res, Order).id, order.id);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
  });

  test('the order names the card it was paid with (brand and last four), and nothing more of it', async () => {
    const read = ok(
      await app.request(`/v1/orders/${order.id}`, { headers: { 'shoptag-order-token': order.token! } }),
      Order,
    );
    assert.deepEqual(read.payment.card, { brand: 'visa', last4: '4242' });
  });

  test('a wrong token in the header is a 404, whatever the query says', async () => {
    const res = await app.request(`/v1/orders/${order.id}?token=${order.token!}`, {
      headers: { 'shoptag-order-token': 'otok_wrong' },
    });
    assert.equal(res.status, 404);
    assert.equal(ErrorBody.parse(res.body).error.code, 'resource_missing');
  });

  test('an old link with ?token= still reads the order, and no log line holds the token', async () => {
    lines.length = 0;
    const res = await app.request(`/v1/orders/${order.id}?token=${order.token!}`);
    assert.equal(ok(res, Order).id, order.id);
    await new Promise((resolve) => setImmediate(resolve));
    const logged = lines
      .map((line) => JSON.parse(line) as { route?: string; url?: string; status?: number })
      .find((entry) => entry.url?.startsWith(`/v1/orders/${order.id}`));
    assert.ok(logged, `a request line was logged: ${JSON.stringify(lines)}`);
    assert.equal(logged.url, `/v1/orders/${order.id}?token=[redacted]`);
    assert.equal(logged.route, '/v1/orders/:id');
    assert.equal(logged.status, 200);
    assert.ok(
      lines.every((line) => !line.includes(order.token!)),
      'the token is in no log line',
    );
  });

  test('a browser may send the header: the preflight allows it', async () => {
    const res = await app.request(`/v1/orders/${order.id}`, {
      method: 'OPTIONS',
      key: null,
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,shoptag-order-token',
      },
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Shoptag-Order-Token/);
  });
});
