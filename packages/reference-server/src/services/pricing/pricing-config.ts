import { currencyExponent } from '@shoptag/sdk/contract';
import type { ShippingConfig, ShippingZone } from './shipping.js';

/**
 * What prices carts and checkouts besides their lines: the shop currency, tax rates and rules, and
 * shipping. The cart's estimate and checkout read the same settings through the same functions.
 */
export interface PricingConfig {
  currency: string;
  /** Tax rate per ISO country (`DE`) or region (`US-CA`) in basis points (1 % = 100). */
  taxRates: Readonly<Record<string, number>>;
  /** The country a cart without one is estimated for; `null` estimates no tax. */
  defaultCountry: string | null;
  /** Prices (and shipping) already include tax: tax is extracted for display, the total does not grow. */
  pricesIncludeTax: boolean;
  /** Countries where shipping is taxed at the same rate as goods; `*` for everywhere. */
  shippingTaxable: readonly string[] | '*';
  /** The flat-rate settings the default zones are built from. */
  shipping: ShippingConfig;
  /** Where the shop ships, by which methods at what price (the default zones unless configured). */
  zones: readonly ShippingZone[];
}

/**
 * Pricing as a service takes it: fixed (tests, tools), or read per use from the shop's settings,
 * which another process may change at any time (the settings domain's `pricing`).
 */
export type PricingSource = PricingConfig | (() => Promise<PricingConfig>);

/** The pricing in force now. Call it outside a database transaction: a live source reads the database. */
export async function pricingFrom(source: PricingSource): Promise<PricingConfig> {
  return typeof source === 'function' ? source() : source;
}

/** `"5"`, `"4.99"` in major units of `currency` → integer minor units, without floating point. */
export function parseMajorUnits(value: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`"${value}" is not an amount like 4.99`);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent)
    throw new RangeError(`"${value}" has more than ${exponent} decimal places for ${currency}`);
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** `"19"` or `"8.875"` percent → basis points (1900, 888 rounded half up to a whole basis point). */
export function parsePercentToBasisPoints(value: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!match) throw new RangeError(`"${value}" is not a percentage like 19 or 8.875`);
  const tenThousandths = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  const bp = Math.floor((tenThousandths + 50) / 100);
  if (bp > 10_000) throw new RangeError(`"${value}" is above 100 %`);
  return bp;
}

/** `"US=0,DE=19,GB=20,US-CA=7.25"` → `{ US: 0, DE: 1900, GB: 2000, 'US-CA': 725 }` (a region key applies at checkout, where the address has a region). */
export function parseTaxRates(value: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [country, rate, ...rest] = part.split('=');
    if (!country || rate === undefined || rest.length || !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(country.trim())) {
      throw new RangeError(`"${part}" is not COUNTRY=PERCENT or COUNTRY-REGION=PERCENT, e.g. DE=19 or US-CA=7.25`);
    }
    rates[country.trim()] = parsePercentToBasisPoints(rate);
  }
  return rates;
}
