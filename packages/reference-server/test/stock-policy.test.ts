// The complete product model over HTTP, on both databases: untracked variants (always available,
// stock left alone), backorder variants (sold beyond stock, on hand below zero, the units owed
// recorded on the order lines) beside stop-selling ones in the same cart, and a checkout with
// nothing to ship (no address for shipping, no method, tax by the billing country).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AdminProduct,
  AvailabilityList,
  Cart,
  CheckoutSession,
  ErrorBody,
  Order,
  Product,
  ShippingRateList,
} from '@shoptag/sdk/contract';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const BERLIN = { name: 'Grace Hopper', line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' };

function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}

forEachDatabase('stock policy and shipping-free checkout', (target) => {
  let app: TestApp;
  let giftCard: string;
  let preorder: string;
  let poster: string;
  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
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
                freeOver: null,
              },
            ],
          },
        ],
        tax: { rates: { 'US-CA': 725, DE: 1900 }, pricesIncludeTax: false, shippingTaxable: [] },
      },
    });
    const create = async (body: unknown) => {
      const res = await app.request('/v1/admin/products', { method: 'POST', key: app.secretKey, ...json(body) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return AdminProduct.parse(res.body);
    };
    giftCard = (
      await create({
        handle: 'gift-card',
        name: 'Gift card',
        category: 'home',
        variants: [{ sku: 'GIFT-25', price: 2500, track_inventory: false, requires_shipping: false }],
      })
    ).variants[0]!.id;
    preorder = (
      await create({
        handle: 'preorder-lamp',
        name: 'Preorder lamp',
        category: 'home',
        variants: [{ sku: 'LAMP-1', price: 4000, stock: 3, inventory_policy: 'continue' }],
      })
    ).variants[0]!.id;
    poster = (
      await create({
        handle: 'last-poster',
        name: 'Last poster',
        category: 'home',
        variants: [{ sku: 'POSTER-1', price: 1000, stock: 2 }],
      })
    ).variants[0]!.id;
  });
  after(() => app?.close());

  const level = async (variantId: string) =>
    (
      await target.db.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1',
        [variantId],
      )
    ).rows[0]!;

  async function checkout(items: { variant_id: string; quantity: number }[]): Promise<CheckoutSession> {
    const cart = ok(await app.request('/v1/carts', { method: 'POST', ...json({ items }) }), Cart);
    return ok(await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cart.id }) }), CheckoutSession);
  }
  async function buy(items: { variant_id: string; quantity: number }[]): Promise<TestResponse> {
    const cart = await app.request('/v1/carts', { method: 'POST', ...json({ items }) });
    if (cart.status !== 200) return cart;
    const created = await app.request('/v1/checkout-sessions', {
      method: 'POST',
      ...json({ cart_id: (cart.body as { id: string }).id }),
    });
    if (created.status !== 200) return created;
    const { id, requires_shipping } = CheckoutSession.parse(created.body);
    const updated = await app.request(`/v1/checkout-sessions/${id}`, {
      method: 'PATCH',
      ...json(
        requires_shipping
          ? { email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }
          : { email: 'ada@example.com', billing_address: ADDRESS },
      ),
    });
    if (updated.status !== 200) return updated;
    return app.request(`/v1/checkout-sessions/${id}/complete`, {
      method: 'POST',
      ...json({ payment_method: 'pm_card_visa' }),
    });
  }

  test('an untracked variant is always available, shows no count, and its sales leave on hand alone', async () => {
    const product = ok(await app.request('/v1/products/gift-card'), Product);
    assert.deepEqual(
      (({ available_quantity, in_stock, backorder, track_inventory, requires_shipping }) => ({
        available_quantity,
        in_stock,
        backorder,
        track_inventory,
        requires_shipping,
      }))(product.variants[0]!),
      { available_quantity: null, in_stock: true, backorder: false, track_inventory: false, requires_shipping: false },
    );
    assert.equal(product.in_stock, true);
    const [entry] = ok(await app.request(`/v1/inventory?variant_ids=${giftCard}`), AvailabilityList).data;
    assert.deepEqual(
      { available: entry!.available, in_stock: entry!.in_stock, backorder: entry!.backorder },
      { available: null, in_stock: true, backorder: false },
    );
    const before = await level(giftCard);
    const orders = await Promise.all([1, 2, 3].map(() => buy([{ variant_id: giftCard, quantity: 5 }])));
    for (const res of orders) assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(await level(giftCard), before);
  });

  test('a backorder variant sells beyond its stock: on hand goes negative and the order lines say what ships later', async () => {
    const orders = await Promise.all([1, 2, 3, 4].map(() => buy([{ variant_id: preorder, quantity: 2 }])));
    for (const res of orders) assert.equal(res.status, 200, JSON.stringify(res.body));
    // 8 sold of 3 on hand: 5 owed.
    assert.deepEqual(await level(preorder), { on_hand: -5, reserved: 0 });
    const backordered = orders
      .map((res) => Order.parse(res.body).items[0]!.backordered_quantity)
      .reduce((a, b) => a + b, 0);
    assert.equal(backordered, 5);
    const order = Order.parse(orders.at(-1)!.body);
    const read = ok(await app.request(`/v1/orders/${order.id}`, { headers: { 'shoptag-order-token': order.token } }), Order);
    assert.equal(read.items[0]!.backordered_quantity, order.items[0]!.backordered_quantity);
    const product = ok(await app.request('/v1/products/preorder-lamp'), Product);
    assert.deepEqual(
      [product.variants[0]!.available_quantity, product.variants[0]!.in_stock, product.variants[0]!.backorder],
      [0, true, true],
    );
    // A cart line beyond stock says how many ship later.
    const cart = ok(await app.request('/v1/carts', { method: 'POST', ...json({ items: [{ variant_id: preorder, quantity: 2 }] }) }), Cart);
    assert.deepEqual([cart.lines[0]!.available_quantity, cart.lines[0]!.backorder_quantity], [null, 2]);
  });

  test('a stop-selling variant in the same cart as a backorder one still cannot oversell', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => buy([{ variant_id: preorder, quantity: 1 }, { variant_id: poster, quantity: 1 }])),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 2);
    for (const res of results.filter((r) => r.status !== 200)) {
      assert.equal(ErrorBody.parse(res.body).error.code, 'out_of_stock');
    }
    assert.deepEqual(await level(poster), { on_hand: 0, reserved: 0 });
  });

  test('a cart with nothing to ship checks out with a billing address only: no shipping, tax by the billing country', async () => {
    const session = await checkout([{ variant_id: giftCard, quantity: 2 }]);
    assert.equal(session.requires_shipping, false);
    assert.deepEqual(
      ok(await app.request(`/v1/checkout-sessions/${session.id}/shipping-methods`), ShippingRateList).data,
      [],
    );
    const refused = await app.request(`/v1/checkout-sessions/${session.id}`, {
      method: 'PATCH',
      ...json({ shipping_method_id: 'standard' }),
    });
    assert.equal(refused.status, 400);
    assert.equal(ErrorBody.parse(refused.body).error.code, 'shipping_not_required');
    const early = await app.request(`/v1/checkout-sessions/${session.id}/payment`, { method: 'POST', ...json({}) });
    assert.equal(ErrorBody.parse(early.body).error.param, 'email');
    const ready = ok(
      await app.request(`/v1/checkout-sessions/${session.id}`, {
        method: 'PATCH',
        ...json({ email: 'grace@example.com', billing_address: BERLIN }),
      }),
      CheckoutSession,
    );
    assert.equal(ready.ready, true);
    assert.equal(ready.shipping_address, null);
    assert.equal(ready.totals.shipping.amount, 0);
    assert.equal(ready.totals.tax.amount, 950); // 19% of 50.00, German VAT from the billing address
    assert.equal(ready.totals.total.amount, 5950);
    const payment = await app.request(`/v1/checkout-sessions/${session.id}/payment`, { method: 'POST', ...json({}) });
    assert.equal(payment.status, 200, JSON.stringify(payment.body));
    const order = ok(
      await app.request(`/v1/checkout-sessions/${session.id}/complete`, {
        method: 'POST',
        ...json({ payment_method: 'pm_card_visa' }),
      }),
      Order,
    );
    assert.equal(order.requires_shipping, false);
    assert.equal(order.shipping_address, null);
    assert.equal(order.shipping_method, null);
    assert.equal(order.billing_address.country, 'DE');
    assert.equal(order.totals.total.amount, 5950);
  });

  test('a mixed cart still ships: it needs the address and the method', async () => {
    const session = await checkout([
      { variant_id: giftCard, quantity: 1 },
      { variant_id: 'var_fx050', quantity: 1 },
    ]);
    assert.equal(session.requires_shipping, true);
    const partial = ok(
      await app.request(`/v1/checkout-sessions/${session.id}`, {
        method: 'PATCH',
        ...json({ email: 'ada@example.com', billing_address: BERLIN }),
      }),
      CheckoutSession,
    );
    assert.equal(partial.ready, false);
    const early = await app.request(`/v1/checkout-sessions/${session.id}/payment`, { method: 'POST', ...json({}) });
    assert.equal(ErrorBody.parse(early.body).error.param, 'shipping_address');
  });
});
