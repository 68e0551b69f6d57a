/**
 * ISO 4217 minor-unit exponents for currencies whose exponent is not 2.
 * Money is always an integer amount of minor units; this table says how many
 * decimal places one major unit has (JPY 0, USD 2, KWD 3).
 */
const NON_DEFAULT_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
});

/** The exponent used when a currency is not in the table. */
export const DEFAULT_CURRENCY_EXPONENT = 2;

/** Number of decimal places in one major unit of `currency` (ISO 4217). */
export function currencyExponent(currency: string): number {
  return NON_DEFAULT_EXPONENTS[currency.toUpperCase()] ?? DEFAULT_CURRENCY_EXPONENT;
}

/**
 * Converts integer minor units to a decimal string in major units without
 * floating-point arithmetic, e.g. `(1999, 'USD')` → `"19.99"`, `(500, 'JPY')` → `"500"`.
 */
export function minorToDecimalString(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a safe integer, got ${amount}`);
  const exponent = currencyExponent(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Reads an amount people typed in major units as integer minor units, without floating-point
 * arithmetic: `('19.99', 'USD')` → `1999`, `('1,500', 'JPY')` → `1500`, `('19,99', 'EUR')` → `1999`
 * when a comma is the only separator and is followed by up to the currency's decimals. `null`
 * when it is not an amount, has more decimals than the currency allows, or is not a safe integer.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  let value = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  // A lone comma with 1..exponent digits after it is a decimal comma ("19,99"); otherwise commas group.
  if (!value.includes('.') && new RegExp(`^-?\\d+,\\d{1,${Math.max(exponent, 1)}}$`).test(value) && exponent > 0) {
    value = value.replace(',', '.');
  } else {
    value = value.replace(/,(?=\d{3}(\D|$))/g, '');
  }
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const minor = Number(`${whole}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) return null;
  return sign ? -minor : minor;
}
