import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadConfig } from '../src/config.js';
import {
  parseMajorUnits,
  parsePercentToBasisPoints,
  parseTaxRates,
  type PricingConfig,
  divideRoundHalfUp,
  priceCart,
  defaultShippingZones,
} from '../src/services/pricing/index.js';

const shipping = { flatRate: 500, freeOver: 5000 };
const usd: PricingConfig = {
  currency: 'USD',
  taxRates: { US: 0, DE: 1900, NY: 888 },
  defaultCountry: null,
  pricesIncludeTax: false,
  shippingTaxable: [],
  shipping,
  zones: defaultShippingZones({ shipping }),
};

test('divideRoundHalfUp rounds halves up and everything else to the nearest integer', () => {
  assert.equal(divideRoundHalfUp(5, 10), 1);
  assert.equal(divideRoundHalfUp(4, 10), 0);
  assert.equal(divideRoundHalfUp(15, 10), 2);
  assert.equal(divideRoundHalfUp(0, 7), 0);
});

test('a cart under the free-shipping threshold pays the flat rate and learns how much is missing', () => {
  const p = priceCart(usd, { lines: [{ unitPrice: 1999, quantity: 2 }], coupon: null, country: null });
  assert.deepEqual(p, {
    lineTotals: [3998],
    subtotal: 3998,
    discount: 0,
    shipping: 500,
    tax: 0,
    taxIncluded: false,
    total: 4498,
    freeShipping: { threshold: 5000, remaining: 1002 },
  });
});

test('shipping is free from the threshold on, measured after the discount', () => {
  const p = priceCart(usd, {
    lines: [{ unitPrice: 5000, quantity: 1 }],
    coupon: { type: 'percentage', percentOff: 10 },
    country: null,
  });
  assert.equal(p.discount, 500);
  assert.equal(p.shipping, 500);
  assert.equal(p.freeShipping?.remaining, 500);
  const q = priceCart(usd, { lines: [{ unitPrice: 5000, quantity: 1 }], coupon: null, country: null });
  assert.equal(q.shipping, 0);
  assert.equal(q.freeShipping?.remaining, 0);
});

test('an empty cart costs nothing, shipping included', () => {
  const p = priceCart(usd, { lines: [], coupon: null, country: 'DE' });
  assert.equal(p.total, 0);
  assert.equal(p.shipping, 0);
});

test('a fixed-amount coupon never takes more than the subtotal, and free shipping zeroes shipping only', () => {
  assert.equal(
    priceCart(usd, {
      lines: [{ unitPrice: 300, quantity: 1 }],
      coupon: { type: 'fixed_amount', amountOff: 500 },
      country: null,
    }).discount,
    300,
  );
  const free = priceCart(usd, {
    lines: [{ unitPrice: 300, quantity: 1 }],
    coupon: { type: 'free_shipping' },
    country: null,
  });
  assert.deepEqual([free.discount, free.shipping, free.total], [0, 0, 300]);
});

test('tax is estimated on the discounted subtotal for the cart country, rounded once', () => {
  const p = priceCart(usd, { lines: [{ unitPrice: 1001, quantity: 1 }], coupon: null, country: 'NY' });
  // 1001 × 8.88 % = 88.8888 → 89
  assert.equal(p.tax, 89);
  assert.equal(p.total, 1001 + 500 + 89);
  assert.equal(
    priceCart(
      { ...usd, defaultCountry: 'DE' },
      { lines: [{ unitPrice: 1000, quantity: 1 }], coupon: null, country: null },
    ).tax,
    190,
  );
});

/** Currencies with 0 (JPY), 2 (USD, EUR) and 3 (KWD, BHD) decimals, with the shop settings in each. */
const currencies = [
  { currency: 'JPY', exponent: 0 },
  { currency: 'USD', exponent: 2 },
  { currency: 'EUR', exponent: 2 },
  { currency: 'KWD', exponent: 3 },
  { currency: 'BHD', exponent: 3 },
] as const;

test('the total is always exactly the sum of its rounded parts, in currencies with 0, 2 and 3 decimals', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...currencies),
      // Prices as major units and a fraction of the currency's precision, e.g. 12.345 KWD or 1234 JPY.
      fc.array(
        fc.record({
          major: fc.integer({ min: 0, max: 100_000 }),
          fraction: fc.nat(),
          quantity: fc.integer({ min: 1, max: 20 }),
        }),
        { maxLength: 10 },
      ),
      fc.oneof(
        fc.constant(null),
        fc.integer({ min: 1, max: 100 }).map((percentOff) => ({ type: 'percentage' as const, percentOff })),
        fc.integer({ min: 1, max: 500 }).map((major) => ({ type: 'fixed_amount' as const, major })),
        fc.constant({ type: 'free_shipping' as const }),
      ),
      fc.integer({ min: 0, max: 10_000 }),
      fc.boolean(),
      ({ currency, exponent }, drawn, drawnCoupon, rate, pricesIncludeTax) => {
        const unit = 10 ** exponent;
        assert.equal(parseMajorUnits('1', currency), unit, `${currency} has ${exponent} decimals`);
        const shipping = { flatRate: parseMajorUnits('5', currency), freeOver: parseMajorUnits('50', currency) };
        const config: PricingConfig = {
          ...usd,
          currency,
          taxRates: { XX: rate },
          pricesIncludeTax,
          shipping,
          zones: defaultShippingZones({ shipping }),
        };
        const lines = drawn.map((l) => ({ unitPrice: l.major * unit + (l.fraction % unit), quantity: l.quantity }));
        const coupon =
          drawnCoupon?.type === 'fixed_amount'
            ? { type: 'fixed_amount' as const, amountOff: drawnCoupon.major * unit }
            : drawnCoupon;
        const p = priceCart(config, { lines, coupon, country: 'XX' });

        assert.deepEqual(
          p.lineTotals,
          lines.map((l) => l.unitPrice * l.quantity),
        );
        assert.equal(
          p.subtotal,
          p.lineTotals.reduce((a, b) => a + b, 0),
        );
        assert.equal(p.total, p.subtotal - p.discount + p.shipping + (pricesIncludeTax ? 0 : p.tax));
        for (const n of [p.subtotal, p.discount, p.shipping, p.tax, p.total])
          assert.ok(Number.isSafeInteger(n) && n >= 0);
        assert.ok(p.discount <= p.subtotal);
        if (coupon?.type === 'fixed_amount') assert.equal(p.discount, Math.min(p.subtotal, coupon.amountOff));
        // Shipping is the flat 5 major units of this currency, or free: from 50 major units after the discount, with the coupon, or with nothing in the cart.
        const goods = p.subtotal - p.discount;
        const free = lines.length === 0 || coupon?.type === 'free_shipping' || goods >= shipping.freeOver;
        assert.equal(p.shipping, free ? 0 : shipping.flatRate);
        // While shipping is charged, the cart says how much more (in this currency's minor units) makes it free.
        if (p.shipping > 0)
          assert.deepEqual(p.freeShipping, { threshold: shipping.freeOver, remaining: shipping.freeOver - goods });
      },
    ),
  );
});

test('configured amounts are read in major units with the currency exponent', () => {
  assert.equal(parseMajorUnits('4.99', 'USD'), 499);
  assert.equal(parseMajorUnits('5', 'USD'), 500);
  assert.equal(parseMajorUnits('500', 'JPY'), 500);
  assert.equal(parseMajorUnits('1.25', 'KWD'), 1250);
  assert.throws(() => parseMajorUnits('1.5', 'JPY'), /decimal places/);
  assert.throws(() => parseMajorUnits('-1', 'USD'));
  assert.equal(parsePercentToBasisPoints('8.875'), 888);
  assert.deepEqual(parseTaxRates('US=0, DE=19,GB=20'), { US: 0, DE: 1900, GB: 2000 });
  assert.throws(() => parseTaxRates('Germany=19'), /COUNTRY=PERCENT/);
});

test('the commerce settings default sensibly and name a bad variable', () => {
  const { commerce } = loadConfig({});
  assert.equal(commerce.maxLineQuantity, 20);
  assert.equal(commerce.cartTtlMs, 30 * 86_400_000);
  assert.equal(commerce.holdTtlMs, 15 * 60_000);
  assert.deepEqual(commerce.pricing.shipping, { flatRate: 500, freeOver: 5000 });
  const jpy = loadConfig({
    SHOPTAG_CURRENCY: 'JPY',
    SHOPTAG_SHIPPING_RATE: '600',
    SHOPTAG_FREE_SHIPPING_OVER: 'off',
    SHOPTAG_TAX_RATES: 'JP=10',
    SHOPTAG_TAX_COUNTRY: 'JP',
  }).commerce;
  const { zones, ...rest } = jpy.pricing;
  assert.deepEqual(rest, {
    currency: 'JPY',
    taxRates: { JP: 1000 },
    defaultCountry: 'JP',
    pricesIncludeTax: false,
    shippingTaxable: [],
    shipping: { flatRate: 600, freeOver: null },
  });
  assert.deepEqual(zones, defaultShippingZones({ shipping: { flatRate: 600, freeOver: null } }));
  assert.throws(() => loadConfig({ SHOPTAG_MAX_LINE_QUANTITY: '0' }), /SHOPTAG_MAX_LINE_QUANTITY/);
  assert.throws(() => loadConfig({ SHOPTAG_CURRENCY: 'JPY', SHOPTAG_SHIPPING_RATE: '4.99' }), /SHOPTAG_SHIPPING_RATE/);
  assert.throws(() => loadConfig({ SHOPTAG_TAX_RATES: 'DE:19' }), /SHOPTAG_TAX_RATES/);
});

test('the cart estimate prices exactly as checkout does, with prices including or excluding tax', async () => {
  const { priceCheckout } = await import('../src/services/pricing/index.js');
  const { taxConfigOf } = await import('../src/services/pricing/index.js');
  fc.assert(
    fc.property(
      fc.array(
        fc.record({ unitPrice: fc.integer({ min: 0, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 20 }) }),
        { minLength: 1, maxLength: 8 },
      ),
      fc.integer({ min: 0, max: 5_000 }),
      fc.boolean(),
      fc.boolean(),
      fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      (lines, rate, pricesIncludeTax, taxShipping, percentOff) => {
        const config: PricingConfig = {
          ...usd,
          taxRates: { XX: rate },
          pricesIncludeTax,
          shippingTaxable: taxShipping ? ['XX'] : [],
        };
        const coupon = percentOff === null ? null : { type: 'percentage' as const, percentOff };
        const cart = priceCart(config, { lines, coupon, country: 'XX' });
        const checkout = priceCheckout(taxConfigOf(config), {
          lines,
          coupon,
          shipping: cart.shipping,
          destination: { country: 'XX', region: null },
        });
        assert.deepEqual(
          [cart.subtotal, cart.discount, cart.tax, cart.total, cart.taxIncluded],
          [checkout.subtotal, checkout.discount, checkout.tax, checkout.total, pricesIncludeTax],
        );
        assert.equal(cart.total, cart.subtotal - cart.discount + cart.shipping + (pricesIncludeTax ? 0 : cart.tax));
      },
    ),
  );
});

test('with tax-inclusive prices the estimate shows the tax inside the price and does not add it', () => {
  const config: PricingConfig = { ...usd, pricesIncludeTax: true, shippingTaxable: ['DE'] };
  // 1190 + 500 shipping at 19 % inclusive: 190 + 79.8 → 80.
  const p = priceCart(config, { lines: [{ unitPrice: 1190, quantity: 1 }], coupon: null, country: 'DE' });
  assert.deepEqual([p.tax, p.total, p.taxIncluded], [270, 1690, true]);
});

test("with configured zones the estimate is the cheapest method for the cart's country, weight included", () => {
  const zones = [
    {
      id: 'us',
      countries: ['US'],
      methods: [
        {
          id: 'ground',
          name: 'Ground',
          carrier: 'UPS',
          estimatedDays: { min: 3, max: 6 },
          rate: { type: 'weight' as const, base: 300, perKg: 100 },
          freeOver: 8000,
        },
      ],
    },
    {
      id: 'world',
      countries: '*' as const,
      methods: [
        {
          id: 'intl',
          name: 'International',
          carrier: 'DHL',
          estimatedDays: { min: 5, max: 10 },
          rate: { type: 'flat' as const, amount: 2500 },
          freeOver: null,
        },
      ],
    },
  ];
  const config: PricingConfig = { ...usd, zones };
  const lines = [{ unitPrice: 1000, quantity: 2, weightGrams: 1200 }];
  const us = priceCart(config, { lines, coupon: null, country: 'US' });
  assert.equal(us.shipping, 300 + 100 * 3, '2.4 kg is three started kilograms');
  assert.deepEqual(us.freeShipping, { threshold: 8000, remaining: 6000 });
  const fr = priceCart(config, { lines, coupon: null, country: 'FR' });
  assert.deepEqual([fr.shipping, fr.freeShipping], [2500, null]);
  assert.equal(
    priceCart(config, { lines, coupon: null, country: null }).shipping,
    2500,
    'no country: the zone for everywhere else',
  );
  assert.equal(
    priceCart({ ...config, zones: [zones[0]!] }, { lines, coupon: null, country: 'FR' }).shipping,
    0,
    'not shipped there: no estimate',
  );
});
