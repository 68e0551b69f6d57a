import { couponDiscount, type CouponEffect } from './discount.js';
import { allocate, taxOn, taxRateFor, type TaxConfig } from './tax.js';

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
  const lineTotals = input.lines.map((l) => l.unitPrice * l.quantity);
  if (!lineTotals.every(Number.isSafeInteger)) throw new RangeError('line total is out of the safe integer range');
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
  return { lineTotals, lineDiscounts, lineTaxes, subtotal, discount, shipping: input.shipping, shippingTax, tax: taxTotal, taxIncluded: inclusive, total };
}
