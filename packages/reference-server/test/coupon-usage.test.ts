// What the console shows of a coupon: its state now, list filters, and its usage — how often it
// was redeemed, by which orders, and the discount it gave in all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cart, CheckoutSession, Coupon, CouponList, CouponUsage, Order } from '@shoptag/sdk/contract';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

forEachDatabase('coupon usage and filters', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app?.close());

  const admin = (path: string, method = 'GET', body?: unknown) =>
    app.request(path, { method, key: app.secretKey, ...(body === undefined ? {} : json(body)) });

  async function orderWith(code: string, email: string, quantity: number): Promise<Order> {
    const cart = Cart.parse(
      (await app.request('/v1/carts', { method: 'POST', ...json({ items: [{ variant_id: 'var_fx050', quantity }] }) }))
        .body,
    );
    const applied = await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code }) });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const session = CheckoutSession.parse(
      (await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cart.id }) })).body,
    );
    await app.request(`/v1/checkout-sessions/${session.id}`, {
      method: 'PATCH',
      ...json({ email, shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    const done = await app.request(`/v1/checkout-sessions/${session.id}/complete`, {
      method: 'POST',
      ...json({ payment_method: 'pm_card_visa' }),
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return Order.parse(done.body);
  }

  test('usage counts each order that used the coupon, names the orders and sums their discounts', async () => {
    const coupon = Coupon.parse(
      (await admin('/v1/admin/coupons', 'POST', { code: 'TENOFF', type: 'percentage', percent_off: 10 })).body,
    );
    const first = await orderWith('tenoff', 'ada@example.com', 1);
    const second = await orderWith('TENOFF', 'grace@example.com', 2);
    assert.ok(first.totals.discount.amount > 0);
    const usage = CouponUsage.parse((await admin(`/v1/admin/coupons/${coupon.id}/usage`)).body);
    assert.equal(usage.times_redeemed, 2);
    assert.deepEqual(
      usage.data.map((r) => [r.order_number, r.email, r.discount?.amount]),
      [
        [second.number, 'grace@example.com', second.totals.discount.amount],
        [first.number, 'ada@example.com', first.totals.discount.amount],
      ],
    );
    assert.deepEqual(usage.total_discount, {
      amount: first.totals.discount.amount + second.totals.discount.amount,
      currency: 'USD',
    });
    const paged = CouponUsage.parse((await admin(`/v1/admin/coupons/${coupon.id}/usage?limit=1`)).body);
    assert.equal(paged.data.length, 1);
    const rest = CouponUsage.parse(
      (await admin(`/v1/admin/coupons/${coupon.id}/usage?limit=1&cursor=${paged.next_cursor}`)).body,
    );
    assert.deepEqual(
      rest.data.map((r) => r.order_id),
      [first.id],
    );
    assert.equal(rest.has_more, false);
  });

  test('a coupon says its state, and the list filters by state, type and code', async () => {
    const made = async (body: Record<string, unknown>) =>
      Coupon.parse((await admin('/v1/admin/coupons', 'POST', { type: 'free_shipping', ...body })).body);
    const off = await made({ code: 'OFF-NOW', active: false });
    const later = await made({ code: 'LATER-1', starts_at: '2099-01-01T00:00:00Z' });
    const over = await made({ code: 'OVER-1', starts_at: '2001-01-01T00:00:00Z', ends_at: '2002-01-01T00:00:00Z' });
    assert.deepEqual([off.status, later.status, over.status], ['disabled', 'scheduled', 'expired']);
    const codes = async (query: string) =>
      CouponList.parse((await admin(`/v1/admin/coupons?${query}`)).body).data.map((c) => c.code);
    assert.deepEqual(await codes('status=disabled'), ['OFF-NOW']);
    assert.deepEqual(await codes('status=scheduled'), ['LATER-1']);
    assert.deepEqual(await codes('status=expired'), ['OVER-1']);
    assert.ok((await codes('status=active')).includes('TENOFF'));
    assert.deepEqual(await codes('q=ver'), ['OVER-1']);
    assert.deepEqual(await codes('type=percentage'), ['TENOFF']);
    assert.equal((await admin('/v1/admin/coupons?status=lost')).status, 400);
  });

  test('disabling a coupon stops it applying to carts; enabling it again lets it apply', async () => {
    const coupon = Coupon.parse(
      (await admin('/v1/admin/coupons', 'POST', { code: 'TOGGLE', type: 'free_shipping' })).body,
    );
    const disabled = Coupon.parse((await admin(`/v1/admin/coupons/${coupon.id}`, 'PATCH', { active: false })).body);
    assert.equal(disabled.status, 'disabled');
    const cart = Cart.parse((await app.request('/v1/carts', { method: 'POST', ...json({}) })).body);
    assert.equal(
      (await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code: 'toggle' }) })).status,
      422,
    );
    await admin(`/v1/admin/coupons/${coupon.id}`, 'PATCH', { active: true });
    assert.equal(
      (await app.request(`/v1/carts/${cart.id}/coupon`, { method: 'POST', ...json({ code: 'toggle' }) })).status,
      200,
    );
  });
});
