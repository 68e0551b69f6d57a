// The cart's estimate and checkout price with one function: with tax-inclusive prices, taxed
// shipping and configured zones the cart shows the totals checkout then charges for the same
// country and the cheapest method.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cart, CheckoutSession } from '@shoptag/sdk/contract';
import { loadConfig } from '../src/config.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}

const DE_ADDRESS = {
  ...ADDRESS,
  city: 'Berlin',
  region: undefined,
  postal_code: '10115',
  country: 'DE',
  phone: '+49 30 901820',
};

for (const inclusive of [true, false]) {
  forEachDatabase(`cart estimate with prices ${inclusive ? 'including' : 'excluding'} tax`, (target) => {
    let app: TestApp;
    before(async () => {
      const { commerce } = loadConfig({
        SHOPTAG_TAX_RATES: 'DE=19,US=0',
        SHOPTAG_TAX_COUNTRY: 'DE',
        SHOPTAG_PRICES_INCLUDE_TAX: String(inclusive),
        SHOPTAG_TAX_SHIPPING: 'DE',
        SHOPTAG_FREE_SHIPPING_OVER: '500',
      });
      app = await startTestApp(target.db, { catalog: fixtureCatalog(), commerce });
    });
    after(() => app?.close());

    test('the cart shows the tax, shipping and total that checkout charges for the same country', async () => {
      const cart = ok(
        await app.request('/v1/carts', {
          method: 'POST',
          ...json({
            country: 'DE',
            items: [
              { variant_id: 'var_fx070', quantity: 3 },
              { variant_id: 'var_fx050', quantity: 1 },
            ],
          }),
        }),
        Cart,
      );
      const t = cart.totals;
      assert.equal(t.tax_included, inclusive);
      assert.ok(t.tax.amount > 0, 'DE is taxed');
      assert.ok(t.shipping.amount > 0, 'under the free-shipping threshold');
      assert.equal(
        t.total.amount,
        t.subtotal.amount - t.discount.amount + t.shipping.amount + (inclusive ? 0 : t.tax.amount),
      );
      const session = ok(
        await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cart.id }) }),
        CheckoutSession,
      );
      const ready = ok(
        await app.request(`/v1/checkout-sessions/${session.id}`, {
          method: 'PATCH',
          ...json({ email: 'ada@example.com', shipping_address: DE_ADDRESS, shipping_method_id: 'standard' }),
        }),
        CheckoutSession,
      );
      assert.deepEqual(ready.totals, t);
    });

    test("a cart without a country is estimated for the shop's default country", async () => {
      const cart = ok(
        await app.request('/v1/carts', {
          method: 'POST',
          ...json({ items: [{ variant_id: 'var_fx070', quantity: 1 }] }),
        }),
        Cart,
      );
      const explicit = ok(
        await app.request('/v1/carts', {
          method: 'POST',
          ...json({ country: 'DE', items: [{ variant_id: 'var_fx070', quantity: 1 }] }),
        }),
        Cart,
      );
      assert.deepEqual(cart.totals, explicit.totals);
      const us = ok(
        await app.request('/v1/carts', {
          method: 'POST',
          ...json({ country: 'US', items: [{ variant_id: 'var_fx070', quantity: 1 }] }),
        }),
        Cart,
      );
      assert.equal(us.totals.tax.amount, 0);
    });
  });
}
