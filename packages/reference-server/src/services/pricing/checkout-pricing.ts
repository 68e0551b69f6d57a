import { couponDiscount, type CouponEffect } from './discount.js';
import { itemCountOf, lineTotalsOf, parcelWeightOf, subtotalOf, type PricedLineInput } from './lines.js';
import type { PricingConfig } from './pricing-config.js';
import { quoteShipping, type ShippingQuote, type ShippingZone } from './shipping.js';
import { allocate, taxConfigOf, taxOn, taxRateFor, type TaxConfig } from './tax.js';

/** How checkout prices: shipping zones and tax rules. */
export interface CheckoutPricingConfig {
  zones: readonly ShippingZone[];
  tax: TaxConfig;
}

/** Checkout pricing from the shop's settings: its zones and tax rules, the same the cart's estimate uses. */
export function defaultCheckoutPricing(pricing: PricingConfig): CheckoutPricingConfig {
  return { zones: pricing.zones, tax: taxConfigOf(pricing) };
}

/** Checkout pricing as a service takes it: fixed, or read per use from the shop's settings. */
export type CheckoutPricingSource = CheckoutPricingConfig | (() => Promise<CheckoutPricingConfig>);

/** The checkout pricing in force now; call it outside a database transaction. */
export async function checkoutPricingFrom(source: CheckoutPricingSource): Promise<CheckoutPricingConfig> {
  return typeof source === 'function' ? source() : source;
}

export interface CheckoutPricingInput {
  lines: readonly { unitPrice: number; quantity: number }[];
  coupon: CouponEffect | null;
  /** The chosen method's price (from `quoteShipping`); 0 before one is chosen. */
  shipping: number;
  destination: { country: string; region: string | null } | null;
}

/** Every amount of a checkout, integer minor units. */
export interface CheckoutPricing {
  lineTotals: number[];
  /** The share of the discount each line carries. */
  lineDiscounts: number[];
  /** Tax of each line, rounded once per line. */
  lineTaxes: number[];
  subtotal: number;
  discount: number;
  shipping: number;
  shippingTax: number;
  /** Line taxes plus shipping tax. */
  tax: number;
  taxIncluded: boolean;
  /** subtotal − discount + shipping (+ tax when prices exclude it): exactly what is charged. */
  total: number;
}

/**
 * Prices a checkout: the coupon discount spread over the lines in proportion, tax per line on
 * what the line really costs (rounded per line), shipping taxed where configured, and a total
 * that is the sum of those rounded parts. With tax-inclusive prices the tax is the part of each
 * amount that is tax and the total does not change.
 */
export function priceCheckout(tax: TaxConfig, input: CheckoutPricingInput): CheckoutPricing {
  const lineTotals = lineTotalsOf(input.lines);
  const subtotal = lineTotals.reduce((a, b) => a + b, 0);
  const discount = couponDiscount(subtotal, input.coupon);
  const lineDiscounts = allocate(discount, lineTotals);
  const dest = input.destination;
  const rate = dest ? taxRateFor(tax.rates, dest.country, dest.region) : 0;
  const inclusive = tax.pricesIncludeTax;
  const lineTaxes = lineTotals.map((t, i) => taxOn(t - lineDiscounts[i]!, rate, inclusive));
  const shippingTaxed = dest !== null && (tax.shippingTaxable === '*' || tax.shippingTaxable.includes(dest.country));
  const shippingTax = shippingTaxed ? taxOn(input.shipping, rate, inclusive) : 0;
  const taxTotal = lineTaxes.reduce((a, b) => a + b, 0) + shippingTax;
  const total = subtotal - discount + input.shipping + (inclusive ? 0 : taxTotal);
  if (!Number.isSafeInteger(total)) throw new RangeError('total is out of the safe integer range');
  return {
    lineTotals,
    lineDiscounts,
    lineTaxes,
    subtotal,
    discount,
    shipping: input.shipping,
    shippingTax,
    tax: taxTotal,
    taxIncluded: inclusive,
    total,
  };
}

/** What the goods cost after the coupon's discount: what free-shipping thresholds compare with. */
export function discountedGoods(lines: readonly PricedLineInput[], coupon: CouponEffect | null): number {
  const subtotal = subtotalOf(lines);
  return subtotal - couponDiscount(subtotal, coupon);
}

export interface CheckoutQuoteInput {
  lines: readonly PricedLineInput[];
  coupon: CouponEffect | null;
  /**
   * Where tax is due and the parcel goes: the shipping address, or (when nothing ships) the
   * billing address; `null` before one is given (no quotes, no tax yet).
   */
  destination: { country: string; region: string | null } | null;
  /** The chosen method; it counts only while the destination is offered it. */
  shippingMethodId: string | null;
  /**
   * The lines that need shipping (weight and item count of the parcel); default all of `lines`.
   * None: nothing ships, no methods are offered and shipping is 0.
   */
  parcel?: readonly PricedLineInput[];
}

/** A priced checkout: the shipping methods offered for its destination, the chosen one, every amount. */
export interface CheckoutQuote {
  quotes: ShippingQuote[];
  method: ShippingQuote | null;
  pricing: CheckoutPricing;
}

/**
 * Prices a checkout from its lines, coupon, destination and chosen method: the methods the
 * destination is offered (priced on the discounted goods, the parcel's weight and item count),
 * then {@link priceCheckout} with the chosen method's price.
 */
export function quoteCheckout(config: CheckoutPricingConfig, input: CheckoutQuoteInput): CheckoutQuote {
  const { lines, coupon, destination } = input;
  const parcel = input.parcel ?? lines;
  const quotes =
    destination && parcel.length > 0
      ? quoteShipping(config.zones, {
          country: destination.country,
          goods: discountedGoods(lines, coupon),
          weightGrams: parcelWeightOf(parcel),
          itemCount: itemCountOf(parcel),
          coupon,
        })
      : [];
  const method = quotes.find((q) => q.id === input.shippingMethodId) ?? null;
  const pricing = priceCheckout(config.tax, { lines, coupon, shipping: method?.amount ?? 0, destination });
  return { quotes, method, pricing };
}
