// Shipping and tax at checkout as pure functions over integer minor units, and the property that
// the total is always the sum of its rounded parts, for currencies with 0, 2 and 3 decimals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { currencyExponent } from '@shoptag/sdk/contract';
import {
  priceCheckout,
  type CouponEffect,
  defaultShippingZones,
  quoteShipping,
  shippingPrice,
  zoneFor,
  type ShippingZone,
  allocate,
  taxOn,
  taxRateFor,
  type TaxConfig,
} from '../src/services/pricing/index.js';

const zones: ShippingZone[] = [
  {
    id: 'domestic',
    countries: ['US'],
    methods: [
      {
        id: 'ground',
        name: 'Ground',
        carrier: 'UPS',
        estimatedDays: { min: 3, max: 6 },
        rate: { type: 'flat', amount: 700 },
        freeOver: 7500,
      },
      {
        id: 'air',
        name: 'Air',
        carrier: 'FedEx',
        estimatedDays: { min: 1, max: 2 },
        rate: { type: 'weight', base: 1500, perKg: 400 },
        freeOver: null,
      },
    ],
  },
  {
    id: 'world',
    countries: '*',
    methods: [
      {
        id: 'intl',
        name: 'International',
        carrier: 'DHL',
        estimatedDays: { min: 5, max: 10 },
        rate: { type: 'weight', base: 2000, perKg: 900 },
        freeOver: null,
      },
    ],
  },
];
const exclusive: TaxConfig = {
  rates: { US: 0, 'US-CA': 725, 'US-NY': 888, DE: 1900, GB: 2000, JP: 1000 },
  pricesIncludeTax: false,
  shippingTaxable: ['DE', 'GB'],
};

test('a destination gets its own zone, and every other country the catch-all zone', () => {
  assert.equal(zoneFor(zones, 'US')?.id, 'domestic');
  assert.equal(zoneFor(zones, 'FR')?.id, 'world');
  assert.equal(zoneFor([zones[0]!], 'FR'), undefined);
  assert.deepEqual(
    quoteShipping([zones[0]!], { country: 'FR', goods: 100, weightGrams: 1, itemCount: 1, coupon: null }),
    [],
  );
});

test('flat, weight-based and free-over-a-threshold methods are priced with carrier and delivery days, cheapest first', () => {
  const quotes = quoteShipping(zones, { country: 'US', goods: 5000, weightGrams: 2300, itemCount: 2, coupon: null });
  assert.deepEqual(quotes, [
    { id: 'ground', name: 'Ground', carrier: 'UPS', amount: 700, estimatedDays: { min: 3, max: 6 } },
    { id: 'air', name: 'Air', carrier: 'FedEx', amount: 1500 + 3 * 400, estimatedDays: { min: 1, max: 2 } },
  ]);
  const free = quoteShipping(zones, { country: 'US', goods: 7500, weightGrams: 0, itemCount: 1, coupon: null });
  assert.equal(free.find((q) => q.id === 'ground')?.amount, 0);
  assert.equal(free.find((q) => q.id === 'air')?.amount, 1500 + 400, 'a parcel weighs at least one started kilogram');
  const coupon = quoteShipping(zones, {
    country: 'DE',
    goods: 10,
    weightGrams: 9000,
    itemCount: 1,
    coupon: { type: 'free_shipping' },
  });
  assert.equal(coupon[0]?.amount, 0);
});

test('the default zones price Standard exactly as the cart estimate does', () => {
  const [standard] = defaultShippingZones({ shipping: { flatRate: 500, freeOver: 5000 } })[0]!.methods;
  assert.equal(shippingPrice(standard!, { goods: 4999, weightGrams: 0, itemCount: 1, coupon: null }), 500);
  assert.equal(shippingPrice(standard!, { goods: 5000, weightGrams: 0, itemCount: 1, coupon: null }), 0);
});

test('a region rate replaces its country rate; unknown places pay none', () => {
  assert.equal(taxRateFor(exclusive.rates, 'US', 'CA'), 725);
  assert.equal(taxRateFor(exclusive.rates, 'US', 'TX'), 0);
  assert.equal(taxRateFor(exclusive.rates, 'DE', null), 1900);
  assert.equal(taxRateFor(exclusive.rates, 'ZZ', null), 0);
  assert.equal(taxRateFor(exclusive.rates, null, null), 0);
});

test('tax is rounded once per line, on top of exclusive prices', () => {
  // 3 × 3.33 at 8.875 %: per line 29.5538… → 30 cents; on the total it would be the same here,
  // so take two lines whose halves round differently: 0.05 × 8.875 % = 0.44 cents → 0 each.
  const p = priceCheckout(exclusive, {
    lines: [
      { unitPrice: 5, quantity: 1 },
      { unitPrice: 5, quantity: 1 },
      { unitPrice: 999, quantity: 3 },
    ],
    coupon: null,
    shipping: 700,
    destination: { country: 'US', region: 'NY' },
  });
  assert.deepEqual(p.lineTaxes, [0, 0, 266]);
  assert.equal(p.shippingTax, 0, 'shipping is not taxed in the US here');
  assert.equal(p.total, 10 + 2997 + 700 + 266);
});

test('shipping is taxed where configured, and a discount lowers the taxed amount line by line', () => {
  const coupon: CouponEffect = { type: 'fixed_amount', amountOff: 1000 };
  const p = priceCheckout(exclusive, {
    lines: [
      { unitPrice: 3000, quantity: 1 },
      { unitPrice: 1000, quantity: 1 },
    ],
    coupon,
    shipping: 500,
    destination: { country: 'DE', region: null },
  });
  assert.deepEqual(p.lineDiscounts, [750, 250]);
  assert.deepEqual(p.lineTaxes, [428, 143]);
  assert.equal(p.shippingTax, 95);
  assert.equal(p.tax, 428 + 143 + 95);
  assert.equal(p.total, 4000 - 1000 + 500 + 666);
});

test('with tax-inclusive prices the tax is the part already in the price and the total does not grow', () => {
  const inclusive: TaxConfig = { ...exclusive, pricesIncludeTax: true };
  const p = priceCheckout(inclusive, {
    lines: [{ unitPrice: 1190, quantity: 2 }],
    coupon: null,
    shipping: 595,
    destination: { country: 'DE', region: null },
  });
  assert.deepEqual(p.lineTaxes, [380]);
  assert.equal(p.shippingTax, 95);
  assert.equal(p.total, 2380 + 595);
  assert.equal(p.taxIncluded, true);
  assert.equal(taxOn(119, 1900, true), 19);
});

test('allocation splits exactly, in proportion, by largest remainder', () => {
  assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(allocate(0, [5, 5]), [0, 0]);
  assert.deepEqual(allocate(7, [0, 0]), [0, 0]);
  assert.deepEqual(allocate(10, [3, 0, 1]), [8, 0, 2]);
});

const currencies = ['JPY', 'USD', 'KWD'] as const;
const couponArb: fc.Arbitrary<CouponEffect | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1, max: 100 }).map((percentOff) => ({ type: 'percentage' as const, percentOff })),
  fc.integer({ min: 1, max: 5_000_000 }).map((amountOff) => ({ type: 'fixed_amount' as const, amountOff })),
  fc.constant({ type: 'free_shipping' as const }),
);

test('the total always equals the rounded lines, shipping and tax minus the discount (0, 2 and 3 decimal currencies)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...currencies),
      fc.array(
        fc.record({
          major: fc.integer({ min: 0, max: 5_000 }),
          minor: fc.nat(),
          quantity: fc.integer({ min: 1, max: 20 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      couponArb,
      fc.integer({ min: 0, max: 3_000 }),
      fc.integer({ min: 0, max: 30_000 }),
      fc.constantFrom(
        null,
        { country: 'US', region: 'CA' },
        { country: 'US', region: 'NY' },
        { country: 'DE', region: null },
        { country: 'JP', region: null },
        { country: 'GB', region: null },
      ),
      fc.boolean(),
      (currency, raw, coupon, shippingMajor, weightGrams, destination, pricesIncludeTax) => {
        const scale = 10 ** currencyExponent(currency);
        const lines = raw.map((l) => ({ unitPrice: l.major * scale + (l.minor % scale), quantity: l.quantity }));
        const goods = lines.reduce((a, l) => a + l.unitPrice * l.quantity, 0);
        const methodZones: ShippingZone[] = [
          {
            id: 'all',
            countries: '*',
            methods: [
              {
                id: 'w',
                name: 'W',
                carrier: 'C',
                estimatedDays: { min: 1, max: 3 },
                rate: { type: 'weight', base: shippingMajor * scale, perKg: scale },
                freeOver: 100 * scale,
              },
            ],
          },
        ];
        const [quote] = quoteShipping(methodZones, {
          country: destination?.country ?? 'US',
          goods,
          weightGrams,
          itemCount: 1,
          coupon,
        });
        const tax: TaxConfig = { ...exclusive, pricesIncludeTax, shippingTaxable: '*' };
        const p = priceCheckout(tax, { lines, coupon, shipping: quote!.amount, destination });
        for (const n of [p.subtotal, p.discount, p.shipping, p.tax, p.total, ...p.lineTaxes, ...p.lineDiscounts])
          assert.ok(Number.isSafeInteger(n) && n >= 0, `${n} is a non-negative integer`);
        assert.equal(
          p.subtotal,
          p.lineTotals.reduce((a, b) => a + b, 0),
        );
        assert.equal(
          p.discount,
          p.lineDiscounts.reduce((a, b) => a + b, 0),
        );
        assert.ok(p.discount <= p.subtotal);
        assert.equal(p.tax, p.lineTaxes.reduce((a, b) => a + b, 0) + p.shippingTax);
        assert.equal(p.total, p.subtotal - p.discount + p.shipping + (pricesIncludeTax ? 0 : p.tax));
        // Each rounded tax is within half a minor unit of the exact rational tax.
        const rate = destination ? taxRateFor(tax.rates, destination.country, destination.region) : 0;
        p.lineTotals.forEach((t, i) => {
          const base = t - p.lineDiscounts[i]!;
          const exactTimesDen = base * rate;
          const den = pricesIncludeTax ? 10_000 + rate : 10_000;
          assert.ok(Math.abs(p.lineTaxes[i]! * den - exactTimesDen) * 2 <= den, 'line tax is the nearest integer');
        });
      },
    ),
    { numRuns: 500 },
  );
});

test('tax settings come from the environment: region rates, tax-inclusive prices and taxed shipping', async () => {
  const { loadConfig, ConfigError } = await import('../src/config.js');
  const { defaultCheckoutPricing } = await import('../src/services/pricing/index.js');
  const config = loadConfig({
    SHOPTAG_TAX_RATES: 'DE=19,US-CA=7.25',
    SHOPTAG_PRICES_INCLUDE_TAX: 'true',
    SHOPTAG_TAX_SHIPPING: 'DE,FR',
  });
  assert.deepEqual(config.commerce.pricing.taxRates, { DE: 1900, 'US-CA': 725 });
  assert.equal(config.commerce.pricing.pricesIncludeTax, true);
  assert.deepEqual(config.commerce.pricing.shippingTaxable, ['DE', 'FR']);
  const pricing = defaultCheckoutPricing(config.commerce.pricing);
  assert.deepEqual(pricing.tax, {
    rates: { DE: 1900, 'US-CA': 725 },
    pricesIncludeTax: true,
    shippingTaxable: ['DE', 'FR'],
  });
  assert.equal(loadConfig({ SHOPTAG_TAX_SHIPPING: '*' }).commerce.pricing.shippingTaxable, '*');
  const defaults = loadConfig({}).commerce.pricing;
  assert.deepEqual([defaults.pricesIncludeTax, defaults.shippingTaxable], [false, []]);
  assert.throws(
    () => loadConfig({ SHOPTAG_PRICES_INCLUDE_TAX: 'yes' }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'SHOPTAG_PRICES_INCLUDE_TAX',
  );
  assert.throws(
    () => loadConfig({ SHOPTAG_TAX_SHIPPING: 'de' }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'SHOPTAG_TAX_SHIPPING',
  );
});
