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
