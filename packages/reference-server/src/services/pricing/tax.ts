import { divideRoundHalfUp } from './rounding.js';

/** How tax is charged at checkout. Rates are basis points (1 % = 100). */
export interface TaxConfig {
  /** Rate per country (`DE`), or per region (`US-CA`); a region's rate replaces its country's. */
  rates: Readonly<Record<string, number>>;
  /** Prices (and shipping) already include tax: tax is extracted for display, the total does not grow. */
  pricesIncludeTax: boolean;
  /** Countries where shipping is taxed at the same rate as goods; `*` for everywhere. */
  shippingTaxable: readonly string[] | '*';
}

/** The tax rules of the shop's pricing settings. */
export function taxConfigOf(pricing: {
  taxRates: TaxConfig['rates'];
  pricesIncludeTax: boolean;
  shippingTaxable: TaxConfig['shippingTaxable'];
}): TaxConfig {
  return {
    rates: pricing.taxRates,
    pricesIncludeTax: pricing.pricesIncludeTax,
    shippingTaxable: pricing.shippingTaxable,
  };
}

/** The rate for a destination: the region's when configured, else the country's, else 0. */
export function taxRateFor(
  rates: Readonly<Record<string, number>>,
  country: string | null,
  region: string | null = null,
): number {
  if (country === null) return 0;
  if (region !== null) {
    const regional = rates[`${country}-${region}`];
    if (regional !== undefined) return regional;
  }
  return rates[country] ?? 0;
}

/**
 * Tax on one amount, rounded half up once: `amount × rate` on top of an exclusive price, or the
 * part of an inclusive price that is tax, `amount × rate / (1 + rate)`.
 */
export function taxOn(amount: number, rateBp: number, inclusive: boolean): number {
  if (rateBp === 0 || amount === 0) return 0;
  if (!Number.isSafeInteger(amount * rateBp)) throw new RangeError('tax base is out of the safe integer range');
  return inclusive ? divideRoundHalfUp(amount * rateBp, 10_000 + rateBp) : divideRoundHalfUp(amount * rateBp, 10_000);
}

/**
 * Splits `total` over `weights` in proportion, in integers that add up to `total` exactly
 * (largest remainder; ties to the earlier part). Used to spread a cart discount over its lines.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  // total × weight can pass 2^53 for large carts: exact integer arithmetic in BigInt.
  const t = BigInt(total);
  const s = BigInt(sum);
  const parts = weights.map((w) => Number((t * BigInt(w)) / s));
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (const { i } of remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i))) {
    if (left === 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}
