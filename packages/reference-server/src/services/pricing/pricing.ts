import type { PricingConfig } from './pricing-config.js';
import { shippingPrice } from './shipping.js';
import { taxOn, taxRateFor } from './tax.js';

/** How a coupon changes the price, as pricing needs it (amounts in minor units of the cart currency). */
export type CouponEffect =
  | { type: 'percentage'; percentOff: number }
  | { type: 'fixed_amount'; amountOff: number }
  | { type: 'free_shipping' };

export interface PricedLineInput {
  unitPrice: number;
  quantity: number;
}

export interface CartPricingInput {
  lines: readonly PricedLineInput[];
  /** The coupon when it applies; `null` otherwise. */
  coupon: CouponEffect | null;
  /** Country for the tax estimate; `null` uses the configured default. */
  country: string | null;
}

/** Every amount of a priced cart, integer minor units; `total` is exactly the sum of its parts. */
export interface CartPricing {
  lineTotals: number[];
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  /** The configured free-shipping threshold and what is still missing to reach it (0 once reached). */
  freeShipping: { threshold: number; remaining: number } | null;
}

/** `numerator / denominator` rounded half up, for non-negative integers (no floating point). */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0 || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divideRoundHalfUp expects non-negative safe integers, got ${numerator}/${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is out of the safe integer range`);
  return n;
}

/** The discount a coupon gives on `subtotal`, rounded once; never more than the subtotal. */
export function couponDiscount(subtotal: number, coupon: CouponEffect | null): number {
  if (!coupon) return 0;
  if (coupon.type === 'percentage') return Math.min(subtotal, divideRoundHalfUp(safe(subtotal * coupon.percentOff, 'discount'), 100));
  if (coupon.type === 'fixed_amount') return Math.min(subtotal, coupon.amountOff);
  return 0;
}

/** Estimated shipping for goods worth `goods` (after discount): free over the threshold or with a free-shipping coupon, nothing for an empty cart. */
export function estimateShipping(config: PricingConfig, goods: number, itemCount: number, coupon: CouponEffect | null): number {
  // The same rule as checkout's flat-rate method (shipping.ts), so the estimate and checkout agree.
  const { flatRate, freeOver } = config.shipping;
  const method = { id: 'estimate', name: 'Estimate', carrier: '', estimatedDays: { min: 0, max: 0 }, rate: { type: 'flat', amount: flatRate }, freeOver } as const;
  return shippingPrice(method, { goods, weightGrams: 0, itemCount, coupon });
}

/** Estimated tax on `taxable` for `country` (or the default), rounded once. */
export function estimateTax(config: PricingConfig, taxable: number, country: string | null): number {
  return taxOn(taxable, taxRateFor(config.taxRates, country ?? config.defaultCountry), false);
}

/**
 * Prices a cart: line totals, subtotal, coupon discount, estimated shipping and tax. A pure
 * function over integer minor units: each part is rounded exactly once and the total is their sum,
 * so the total shown is the total charged.
 */
export function priceCart(config: PricingConfig, input: CartPricingInput): CartPricing {
  const lineTotals = input.lines.map((l) => safe(l.unitPrice * l.quantity, 'line total'));
  const subtotal = safe(lineTotals.reduce((a, b) => a + b, 0), 'subtotal');
  const itemCount = input.lines.reduce((a, l) => a + l.quantity, 0);
  const discount = couponDiscount(subtotal, input.coupon);
  const goods = subtotal - discount;
  const shipping = estimateShipping(config, goods, itemCount, input.coupon);
  const tax = estimateTax(config, goods, input.country);
  const { freeOver } = config.shipping;
  const freeShipping =
    freeOver === null ? null : { threshold: freeOver, remaining: shipping === 0 && itemCount > 0 ? 0 : Math.max(0, freeOver - goods) };
  return { lineTotals, subtotal, discount, shipping, tax, total: safe(goods + shipping + tax, 'total'), freeShipping };
}
