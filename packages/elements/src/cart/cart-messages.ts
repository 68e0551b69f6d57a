import { isShopError, type Money } from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';
import { errorMessageKey } from '../internal/errors.js';

/** A catalogue key and its parameters: what the drawer says, in the shopper's language. */
export type CartMessage = readonly [MessageKey, MessageParams?];

const COUPON_MESSAGES: Readonly<Record<string, MessageKey>> = {
  coupon_unknown: 'cart.coupon.unknown',
  coupon_expired: 'cart.coupon.expired',
  coupon_not_yet_valid: 'cart.coupon.notYetValid',
  coupon_used_up: 'cart.coupon.usedUp',
  coupon_below_minimum: 'cart.coupon.belowMinimum',
};

function isMoney(value: unknown): value is Money {
  const m = value as Money | undefined;
  return typeof m?.amount === 'number' && typeof m.currency === 'string';
}

/**
 * Why a code was refused, for a shopper: by the server's `code` (unknown, expired, not yet valid,
 * used up, below the minimum subtotal, with that minimum formatted by `money`), else by `param`
 * (`code`: a malformed code), else the request's kind. Never the server's own text.
 */
export function couponErrorMessage(error: unknown, code: string, money: (m: Money) => string): CartMessage {
  const shown = code.toUpperCase();
  if (isShopError(error)) {
    const key = COUPON_MESSAGES[error.code];
    if (key === 'cart.coupon.belowMinimum') {
      const minimum = error.details?.minimum_subtotal;
      return isMoney(minimum) ? [key, { code: shown, amount: money(minimum) }] : ['cart.coupon.invalid'];
    }
    if (key) return [key, { code: shown }];
    if (error.type === 'invalid_request_error' && error.param === 'code') return ['cart.coupon.invalid'];
  }
  return [errorMessageKey(error)];
}

/** Why a line's quantity could not change: stock and per-order limits by `code`, the rest by kind. */
export function lineErrorMessage(error: unknown): CartMessage {
  if (isShopError(error)) {
    if (error.code === 'out_of_stock') {
      const available = Number(error.details?.available);
      return Number.isFinite(available) && available > 0
        ? ['cart.onlyAvailable', { count: available }]
        : ['cart.outOfStock'];
    }
    if (error.code === 'quantity_limit_exceeded') {
      const max = Number(error.details?.max_quantity);
      if (Number.isFinite(max)) return ['cart.quantityLimit', { count: max }];
    }
  }
  return [errorMessageKey(error)];
}
