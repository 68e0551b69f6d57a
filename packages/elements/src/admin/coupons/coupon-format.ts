import { formatMoney, type Coupon } from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

type T = (key: AdminMessageKey, params?: Record<string, string | number>) => string;

/** "10 % off", "$5.00", "Free shipping". */
export function couponValue(coupon: Coupon, t: T, locale: string): string {
  if (coupon.type === 'percentage') return t('coupons.percentValue', { percent: coupon.percent_off ?? 0 });
  if (coupon.type === 'fixed_amount' && coupon.amount_off) return formatMoney(coupon.amount_off, locale);
  return t('coupons.freeShippingValue');
}

/** "3 of 100", or "3" without a limit. */
export function couponUsage(coupon: Coupon, t: T, locale: string): string {
  const used = new Intl.NumberFormat(locale).format(coupon.times_redeemed);
  if (coupon.usage_limit === null) return used;
  return t('coupons.usageOf', { used, limit: new Intl.NumberFormat(locale).format(coupon.usage_limit) });
}

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (the browser's time zone) as an ISO instant; null when empty or not a date. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
