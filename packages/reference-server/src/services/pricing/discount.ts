import { divideRoundHalfUp, safeInteger } from './rounding.js';

/** How a coupon changes the price, as pricing needs it (amounts in minor units of the cart currency). */
export type CouponEffect =
  { type: 'percentage'; percentOff: number } | { type: 'fixed_amount'; amountOff: number } | { type: 'free_shipping' };

/** The discount a coupon gives on `subtotal`, rounded once; never more than the subtotal. */
export function couponDiscount(subtotal: number, coupon: CouponEffect | null): number {
  if (!coupon) return 0;
  if (coupon.type === 'percentage')
    return Math.min(subtotal, divideRoundHalfUp(safeInteger(subtotal * coupon.percentOff, 'discount'), 100));
  if (coupon.type === 'fixed_amount') return Math.min(subtotal, coupon.amountOff);
  return 0;
}

/**
 * Whether a coupon that needs `minimumSubtotal` (minor units; `null` for none) applies to lines
 * whose subtotal (before any discount, see `subtotalOf`) is `subtotal`.
 */
export function meetsMinimumSubtotal(subtotal: number, minimumSubtotal: number | null): boolean {
  return minimumSubtotal === null || subtotal >= minimumSubtotal;
}
