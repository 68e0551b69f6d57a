import { currencyExponent } from '@shoptag/sdk/contract';

/**
 * Where Stripe's amount representation differs from ISO 4217's exponent: ISK and UGX are
 * zero-decimal in ISO but Stripe takes them in hundredths; MGA is the other way round.
 * https://docs.stripe.com/currencies#special-cases
 */
const STRIPE_EXPONENT_OVERRIDES: Readonly<Record<string, number>> = Object.freeze({ ISK: 2, UGX: 2, MGA: 0 });
/** Three-decimal currencies: Stripe needs the last digit to be 0. */
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

function stripeExponent(currency: string): number {
  return STRIPE_EXPONENT_OVERRIDES[currency] ?? currencyExponent(currency);
}

/** Our integer minor units (ISO 4217) → the integer Stripe expects for `currency`. Throws when Stripe cannot charge it exactly. */
export function toStripeAmount(amount: number, currency: string): number {
  const code = currency.toUpperCase();
  const shift = stripeExponent(code) - currencyExponent(code);
  if (shift < 0) {
    const factor = 10 ** -shift;
    if (amount % factor !== 0) throw new RangeError(`${amount} ${code} cannot be charged exactly through Stripe`);
    return amount / factor;
  }
  if (STRIPE_THREE_DECIMAL.has(code) && amount % 10 !== 0)
    throw new RangeError(`Stripe charges ${code} in multiples of 10 minor units; ${amount} is not`);
  return amount * 10 ** shift;
}

/** The inverse of {@link toStripeAmount}. */
export function fromStripeAmount(amount: number, currency: string): number {
  const code = currency.toUpperCase();
  const shift = stripeExponent(code) - currencyExponent(code);
  return shift >= 0 ? amount / 10 ** shift : amount * 10 ** -shift;
}
