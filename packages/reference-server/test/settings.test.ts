// Shop settings saved through /v1/admin/settings: what GET answers and where each section comes
// from, validation in the error shape, and a save in one app (or process) applying to another
// that shares the database — carts, checkout shipping and tax — without a restart.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  Cart,
  CheckoutSession,
  ErrorBody,
  ShippingRateList,
  ShopSettings,
  type ShopSettingsUpdate,
} from '@shoptag/sdk/contract';
import { loadConfig } from '../src/config.js';
import { createSettingsService, settingsFallbackOf } from '../src/services/settings/index.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { createScratchDatabase, forEachDatabase, TEST_REDIS_URL } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import {
  skipWithoutPostgresAndRedis,
  spawnServer,
  stopServer,
  type ServerProcess,
} from './support/server-processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const ZONES: ShopSettingsUpdate['shipping'] = {
  zones: [
    {
      id: 'home',
      name: 'United States',
      countries: ['US'],
      methods: [
        {
          id: 'ground',
          name: 'Ground',
          carrier: 'USPS',
          estimated_days: { min: 2, max: 6 },
          rate: { type: 'flat', amount: 725 },
          free_over: 20_000,
        },
      ],
    },
    {
      id: 'world',
      countries: '*',
      methods: [
        { id: 'air', name: 'Air mail', estimated_days: { min: 5, max: 12 }, rate: { type: 'flat', amount: 2500 } },
      ],
    },
  ],
};

forEachDatabase('shop settings', (target) => {
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    a = await startTestApp(target.db, { catalog: fixtureCatalog() });
    // A second app on the same database: another process as far as settings go (nothing shared but the database).
    b = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  const admin = (app: TestApp, method: string, body?: unknown) =>
    app.request('/v1/admin/settings', { method, key: app.secretKey, ...(body === undefined ? {} : json(body)) });

  async function shippingRates(app: TestApp): Promise<ShippingRateList['data']> {
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: 'var_fx050', quantity: 1 }] }),
    });
    const session = CheckoutSession.parse(
      (await app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: Cart.parse(cart.body).id }) }))
        .body,
    );
    await app.request(`/v1/checkout-sessions/${session.id}`, {
      method: 'PATCH',
      ...json({ email: 'ada@example.com', shipping_address: ADDRESS }),
    });
    const rates = await app.request(`/v1/checkout-sessions/${session.id}/shipping-methods`);
    assert.equal(rates.status, 200, JSON.stringify(rates.body));
    return ShippingRateList.parse(rates.body).data;
  }

  test('before anything is saved, settings are the environment defaults and say so', async () => {
    const res = await admin(a, 'GET');
    assert.equal(res.status, 200);
    const settings = ShopSettings.parse(res.body);
    assert.equal(settings.currency, 'USD');
    assert.deepEqual(settings.sources, {
      shop_name: 'default',
      currency: 'default',
      shipping: 'default',
      tax: 'default',
    });
    assert.deepEqual(
      settings.shipping.zones[0]?.methods.map((m) => m.id),
      ['standard', 'express'],
    );
    assert.equal(settings.updated_at, null);
  });

  test('shipping saved in one app is what checkout in another app on the same database offers', async () => {
    const before = await shippingRates(b);
    assert.ok(before.some((r) => r.id === 'standard'));
    const saved = await admin(a, 'PATCH', { shipping: ZONES });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(ShopSettings.parse(saved.body).sources.shipping, 'settings');
    const after = await shippingRates(b);
    assert.deepEqual(
      after.map((r) => [r.id, r.price.amount]),
      [['ground', 725]],
    );
  });

  test('the cart estimate in the other app uses the saved rate and free-shipping threshold', async () => {
    const cart = Cart.parse(
      (
        await b.request('/v1/carts', {
          method: 'POST',
          ...json({ items: [{ variant_id: 'var_fx050', quantity: 1 }], country: 'US' }),
        })
      ).body,
    );
    assert.equal(cart.totals.shipping.amount, 725);
  });

  test('tax rates saved apply to checkout in the other app', async () => {
    const saved = await admin(a, 'PATCH', {
      tax: {
        rates: [{ country: 'US', region: null, rate_bp: 1000 }],
        prices_include_tax: false,
        shipping_taxable: [],
        default_country: 'US',
      },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const cart = Cart.parse(
      (await b.request('/v1/carts', { method: 'POST', ...json({ items: [{ variant_id: 'var_fx050', quantity: 1 }] }) }))
        .body,
    );
    const session = CheckoutSession.parse(
      (await b.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cart.id }) })).body,
    );
    const priced = CheckoutSession.parse(
      (
        await b.request(`/v1/checkout-sessions/${session.id}`, {
          method: 'PATCH',
          ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'ground' }),
        })
      ).body,
    );
    assert.equal(priced.totals.tax.amount, Math.round(priced.totals.subtotal.amount / 10));
  });

  test('the shop name is saved, and null returns a section to the environment', async () => {
    const named = ShopSettings.parse((await admin(a, 'PATCH', { shop_name: '  Harbor Goods ' })).body);
    assert.equal(named.shop_name, 'Harbor Goods');
    assert.equal(ShopSettings.parse((await admin(b, 'GET')).body).shop_name, 'Harbor Goods');
    const reset = ShopSettings.parse((await admin(a, 'PATCH', { shop_name: null, tax: null })).body);
    assert.equal(reset.shop_name, 'Shoptag');
    assert.deepEqual(
      [reset.sources.shop_name, reset.sources.tax, reset.sources.shipping],
      ['default', 'default', 'settings'],
    );
  });

  for (const [what, body, param] of [
    [
      'a rate in fractions of a cent',
      {
        shipping: {
          zones: [
            {
              ...ZONES!.zones[0]!,
              methods: [{ ...ZONES!.zones[0]!.methods[0]!, rate: { type: 'flat', amount: 7.25 } }],
            },
          ],
        },
      },
      'shipping.zones.0.methods.0.rate.amount',
    ],
    [
      'one country in two zones',
      { shipping: { zones: [ZONES!.zones[0]!, { ...ZONES!.zones[0]!, id: 'again' }] } },
      'shipping.zones.1.countries.0',
    ],
    [
      'a country code in lower case',
      { shipping: { zones: [{ ...ZONES!.zones[0]!, countries: ['us'] }] } },
      'shipping.zones.0.countries.0',
    ],
    [
      'a tax rate above 100 %',
      {
        tax: {
          rates: [{ country: 'DE', rate_bp: 10_001 }],
          prices_include_tax: true,
          shipping_taxable: '*',
          default_country: null,
        },
      },
      'tax.rates.0.rate_bp',
    ],
    ['an unknown setting', { colour: 'blue' }, undefined],
    ['an empty shop name', { shop_name: '   ' }, 'shop_name'],
  ] as const) {
    test(`${what} is refused with a 400 naming the field, and nothing is saved`, async () => {
      const beforeSave = ShopSettings.parse((await admin(a, 'GET')).body);
      const res = await admin(a, 'PATCH', body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      const error = ErrorBody.parse(res.body).error;
      assert.equal(error.type, 'invalid_request_error');
      if (param) assert.equal(error.param, param);
      assert.deepEqual(ShopSettings.parse((await admin(a, 'GET')).body), beforeSave);
    });
  }

  test('changing the currency without giving the shipping rates in it is refused (422)', async () => {
    const res = await admin(a, 'PATCH', { currency: 'EUR' });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(ErrorBody.parse(res.body).error.code, 'settings_currency_mismatch');
    const both = await admin(a, 'PATCH', { currency: 'EUR', shipping: ZONES });
    assert.equal(both.status, 200, JSON.stringify(both.body));
    assert.equal(ShopSettings.parse(both.body).currency, 'EUR');
    // Back to the environment's currency, with the rates again, for the suites after this one.
    assert.equal((await admin(a, 'PATCH', { currency: null, shipping: null })).status, 200);
  });

  test('new carts take the saved currency', async () => {
    assert.equal((await admin(a, 'PATCH', { currency: 'EUR', shipping: ZONES })).status, 200);
    const cart = Cart.parse((await b.request('/v1/carts', { method: 'POST', ...json({}) })).body);
    assert.equal(cart.currency, 'EUR');
    assert.equal((await admin(a, 'PATCH', { currency: null, shipping: null })).status, 200);
  });
});

forEachDatabase('settings freshness in one process', (target) => {
  test('a process sees another process’s save once its TTL has passed, and not before', async () => {
    const clock = manualClock();
    const fallback = settingsFallbackOf({
      env: {},
      shopName: 'Shoptag',
      currency: 'USD',
      pricing: loadConfig({}).commerce.pricing,
    });
    const reader = createSettingsService({ db: target.db, clock, fallback, ttlMs: 2_000 });
    const writer = createSettingsService({ db: target.db, clock, fallback, ttlMs: 2_000 });
    assert.equal((await reader.current()).shopName, 'Shoptag');
    await writer.update({ shop_name: 'Later' });
    clock.advance(1_000);
    assert.equal((await reader.current()).shopName, 'Shoptag');
    clock.advance(1_001);
    assert.equal((await reader.current()).shopName, 'Later');
    assert.equal(reader.latest().shopName, 'Later');
  });
});

describe(
  'a settings save on one server process applies on another (PostgreSQL + Redis)',
  { skip: skipWithoutPostgresAndRedis },
  () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let dataDir: string;
    let a: ServerProcess;
    let b: ServerProcess;
    before(async () => {
      scratch = await createScratchDatabase();
      dataDir = mkdtempSync(join(tmpdir(), 'shoptag-settings-'));
      const env = {
        DATABASE_URL: scratch.url,
        REDIS_URL: TEST_REDIS_URL!,
        SHOPTAG_DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
      };
      a = await spawnServer(env);
      b = await spawnServer(env);
    });
    after(async () => {
      await Promise.allSettled([a && stopServer(a), b && stopServer(b)]);
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('within seconds, without a restart, the other process prices shipping with the saved rates', async () => {
      const saved = await fetch(`${a.url}/v1/admin/settings`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${a.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ shipping: ZONES, shop_name: 'Two Process Shop' }),
      });
      assert.equal(saved.status, 200, await saved.clone().text());
      const started = Date.now();
      let seen: ShopSettings | null = null;
      while (Date.now() - started < 10_000) {
        const res = await fetch(`${b.url}/v1/admin/settings`, { headers: { authorization: `Bearer ${b.secretKey}` } });
        seen = ShopSettings.parse(await res.json());
        if (seen.shop_name === 'Two Process Shop') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(seen?.shop_name, 'Two Process Shop');
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
      const cart = await fetch(`${b.url}/v1/carts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${b.publishableKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ country: 'US' }),
      });
      assert.equal(cart.status, 200);
      const products = (await (
        await fetch(`${b.url}/v1/products?limit=1`, { headers: { authorization: `Bearer ${b.publishableKey}` } })
      ).json()) as { data: { variants: { id: string }[] }[] };
      const variantId = products.data[0]!.variants[0]!.id;
      const withItem = Cart.parse(
        await (
          await fetch(`${b.url}/v1/carts/${Cart.parse(await cart.json()).id}/items`, {
            method: 'POST',
            headers: { authorization: `Bearer ${b.publishableKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ variant_id: variantId, quantity: 1 }),
          })
        ).json(),
      );
      assert.ok([0, 725].includes(withItem.totals.shipping.amount), `shipping ${withItem.totals.shipping.amount}`);
    });
  },
);
