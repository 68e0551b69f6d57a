import type { Money } from './contract/money.js';
import { currencyExponent, decimalToMinor, minorToDecimalString } from './contract/currency.js';

/**
 * Formats integer minor units for people, e.g. `{ amount: 1999, currency: 'USD' }` → `"$19.99"`,
 * `{ amount: 1500, currency: 'JPY' }` → `"¥1,500"`. The amount is turned into a decimal string
 * without floating-point division, so large amounts stay exact.
 */
export function formatMoney(money: Money, locale?: string, options: Intl.NumberFormatOptions = {}): string {
  const digits = currencyExponent(money.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...options,
  });
  // Intl accepts decimal strings ("19.99") exactly; older engines lacking that coerce to number.
  return format.format(minorToDecimalString(money.amount, money.currency) as `${number}`);
}

export { currencyExponent, decimalToMinor, minorToDecimalString };
