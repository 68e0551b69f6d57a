import type { CartLine, CheckoutSession, ShippingRate } from '@shoptag/sdk/contract';
import type { CheckoutSessionRow, VariantSnapshotRow } from '../../store/checkout-repository.js';
import type { CouponRow } from '../../store/coupon-repository.js';
import { couponProblem, toCouponEffect, type CouponProblem } from '../coupons/index.js';
import {
  quoteCheckout,
  subtotalOf,
  type CheckoutPricing,
  type CheckoutPricingConfig,
  type ShippingQuote,
} from '../pricing/index.js';
import { lineStock } from '../inventory/index.js';

/** A session with everything priced: its lines as they are now, the quotes for its address, the totals. */
export interface PricedSession {
  row: CheckoutSessionRow;
  lines: { line: CheckoutSessionRow['lines'][number]; variant: VariantSnapshotRow }[];
  coupon: CouponRow | null;
  couponApplies: boolean;
  /**
   * Why the coupon the session started with no longer applies (another order used it up, it
   * expired, it was withdrawn …); null when it still does or there is none.
   */
  couponLapse: { code: CouponProblem; message: string; details?: Record<string, unknown> } | null;
  quotes: ShippingQuote[];
  method: ShippingQuote | null;
  pricing: CheckoutPricing;
  /** Some line needs shipping; false for a cart of digital goods and gift cards only. */
  requiresShipping: boolean;
  /** The address billed: the shipping address when billing_same_as_shipping, else billing_address. */
  billing: CheckoutSessionRow['billing_address'];
}

export function toRate(quote: ShippingQuote, currency: string): ShippingRate {
  return {
    id: quote.id,
    name: quote.name,
    carrier: quote.carrier,
    price: { amount: quote.amount, currency },
    estimated_days: quote.estimatedDays,
  };
}

/** Prices a session from its lines, the variants as they are now, its coupon and its address. */
export function priceSession(
  config: CheckoutPricingConfig,
  row: CheckoutSessionRow,
  variants: readonly VariantSnapshotRow[],
  coupon: CouponRow | null,
  now: Date,
): PricedSession {
  const byId = new Map(variants.map((v) => [v.variant_id, v]));
  const lines = row.lines.flatMap((line) => {
    const variant = byId.get(line.variant_id);
    return variant ? [{ line, variant }] : [];
  });
  const priceLines = lines.map(({ line, variant }) => ({
    unitPrice: variant.price_amount,
    quantity: line.quantity,
    weightGrams: variant.weight_grams,
  }));
  const parcel = priceLines.filter((_, i) => lines[i]!.variant.requires_shipping);
  const requiresShipping = parcel.length > 0 || lines.length === 0;
  const billing = row.billing_same_as_shipping ? row.shipping_address : row.billing_address;
  const problem = coupon ? couponProblem(coupon, subtotalOf(priceLines), now) : null;
  const couponApplies = coupon !== null && problem === null;
  const couponLapse = !row.coupon_id
    ? null
    : coupon
      ? problem
      : { code: 'coupon_unknown' as const, message: 'The code of this checkout is no longer valid.' };
  // Tax follows the shipping address; with nothing to ship, the billing address.
  const address = requiresShipping ? row.shipping_address : billing;
  const { quotes, method, pricing } = quoteCheckout(config, {
    lines: priceLines,
    coupon: coupon && couponApplies ? toCouponEffect(coupon) : null,
    destination: address ? { country: address.country, region: address.region ?? null } : null,
    shippingMethodId: requiresShipping ? row.shipping_method_id : null,
    parcel,
  });
  return { row, lines, coupon, couponApplies, couponLapse, quotes, method, pricing, requiresShipping, billing };
}

function toLine(
  variant: VariantSnapshotRow,
  quantity: number,
  lineTotal: number,
  currency: string,
  lineId: string,
): CartLine {
  return {
    id: lineId,
    variant_id: variant.variant_id,
    product_id: variant.product_id,
    product_handle: variant.product_handle,
    name: variant.product_name,
    brand: variant.brand,
    category: variant.category_name,
    variant_title: variant.variant_title,
    options: variant.options,
    sku: variant.sku,
    image: variant.image_url ? { url: variant.image_url, alt: variant.image_alt ?? '' } : null,
    quantity,
    unit_price: { amount: variant.price_amount, currency },
    line_total: { amount: lineTotal, currency },
    ...lineStock(variant, quantity, true),
    requires_shipping: variant.requires_shipping,
  };
}

/** The wire shape of a priced session. */
export function toCheckoutSession(
  priced: PricedSession,
  provider: CheckoutSession['payment_provider'],
  paymentStatus: CheckoutSession['payment'],
): CheckoutSession {
  const { row, pricing } = priced;
  const money = (amount: number) => ({ amount, currency: row.currency });
  const billing = priced.billing;
  return {
    object: 'checkout_session',
    id: row.id,
    cart_id: row.cart_id,
    status: row.status,
    currency: row.currency,
    email: row.email,
    shipping_address: row.shipping_address,
    billing_address: billing,
    billing_same_as_shipping: row.billing_same_as_shipping,
    shipping_method: priced.method ? toRate(priced.method, row.currency) : null,
    requires_shipping: priced.requiresShipping,
    lines: priced.lines.map(({ variant, line }, i) =>
      toLine(variant, line.quantity, pricing.lineTotals[i] ?? 0, row.currency, `line_${String(i + 1)}`),
    ),
    coupon_code: priced.coupon && priced.couponApplies ? priced.coupon.code : null,
    totals: {
      subtotal: money(pricing.subtotal),
      discount: money(pricing.discount),
      shipping: money(pricing.shipping),
      tax: money(pricing.tax),
      total: money(pricing.total),
      tax_included: pricing.taxIncluded,
    },
    payment_provider: provider,
    payment: paymentStatus,
    ready: missingField(priced) === null,
    order_id: row.order_id,
    expires_at: row.expires_at.toISOString(),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/**
 * The first thing a session still needs before payment, as the parameter that sets it; null when
 * ready. With nothing to ship: the email and a billing address (what tax and the receipt need).
 */
export function missingField(
  priced: PricedSession,
): 'email' | 'shipping_address' | 'billing_address' | 'shipping_method_id' | null {
  const { row } = priced;
  if (!row.email) return 'email';
  if (!priced.requiresShipping) return priced.billing ? null : 'billing_address';
  if (!row.shipping_address) return 'shipping_address';
  if (!row.billing_same_as_shipping && !row.billing_address) return 'billing_address';
  if (!priced.method) return 'shipping_method_id';
  return null;
}
