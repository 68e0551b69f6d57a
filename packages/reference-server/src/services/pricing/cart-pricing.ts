import { discountedGoods, priceCheckout } from './checkout-pricing.js';
import type { CouponEffect } from './discount.js';
import { itemCountOf, parcelWeightOf, type PricedLineInput } from './lines.js';
import type { PricingConfig } from './pricing-config.js';
import { estimateShipping } from './shipping.js';
import { taxConfigOf } from './tax.js';

export interface CartPricingInput {
  lines: readonly PricedLineInput[];
  /** The coupon when it applies; `null` otherwise. */
  coupon: CouponEffect | null;
  /** Country for the tax and shipping estimate; `null` uses the configured default. */
  country: string | null;
}

/** Every amount of a priced cart, integer minor units; `total` is exactly the sum of its parts. */
export interface CartPricing {
  lineTotals: number[];
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  /** Prices include tax: `tax` is the part of them that is tax, and `total` does not add it. */
  taxIncluded: boolean;
  total: number;
  /** The configured free-shipping threshold and what is still missing to reach it (0 once reached). */
  freeShipping: { threshold: number; remaining: number } | null;
}

/**
 * Prices a cart: line totals, subtotal, coupon discount, estimated shipping and tax. The same
 * function as checkout ({@link priceCheckout}) with the estimate's shipping (the cheapest method
 * for the cart's country) and the cart's country, so tax-inclusive prices, per-line rounding and
 * taxed shipping follow the same rules; the total is the sum of parts each rounded once.
 */
export function priceCart(config: PricingConfig, input: CartPricingInput): CartPricing {
  const tax = taxConfigOf(config);
  const itemCount = itemCountOf(input.lines);
  const country = input.country ?? config.defaultCountry;
  const estimate = estimateShipping(config.zones, {
    country,
    goods: discountedGoods(input.lines, input.coupon),
    weightGrams: parcelWeightOf(input.lines),
    itemCount,
    coupon: input.coupon,
  });
  const shipping = estimate?.amount ?? 0;
  const p = priceCheckout(tax, {
    lines: input.lines,
    coupon: input.coupon,
    shipping,
    destination: country === null ? null : { country, region: null },
  });
  const freeOver = estimate?.freeOver ?? null;
  const freeShipping =
    freeOver === null
      ? null
      : {
          threshold: freeOver,
          remaining: shipping === 0 && itemCount > 0 ? 0 : Math.max(0, freeOver - (p.subtotal - p.discount)),
        };
  return {
    lineTotals: p.lineTotals,
    subtotal: p.subtotal,
    discount: p.discount,
    shipping,
    tax: p.tax,
    taxIncluded: p.taxIncluded,
    total: p.total,
    freeShipping,
  };
}
