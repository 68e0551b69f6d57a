import type { CouponEffect } from './discount.js';

/** Estimated shipping: a flat rate, free once the discounted subtotal reaches a threshold. */
export interface ShippingConfig {
  /** Minor units of the shop currency. */
  flatRate: number;
  /** Minor units; `null` when shipping is never free by amount. */
  freeOver: number | null;
}

/** How a method's price is worked out, in minor units of the shop currency. */
export type ShippingRateRule =
  | { type: 'flat'; amount: number }
  /** `base` plus `perKg` for every started kilogram of the parcel. */
  | { type: 'weight'; base: number; perKg: number };

export interface ShippingMethodConfig {
  id: string;
  name: string;
  carrier: string;
  estimatedDays: { min: number; max: number };
  rate: ShippingRateRule;
  /** Free once the goods (after discount) reach this; `null` never. */
  freeOver: number | null;
}

/** Where methods apply: a list of countries, or `*` for everywhere not named by another zone. */
export interface ShippingZone {
  id: string;
  countries: readonly string[] | '*';
  methods: readonly ShippingMethodConfig[];
}

export interface ShippingQuoteInput {
  country: string;
  /** Goods after discount, minor units. */
  goods: number;
  weightGrams: number;
  itemCount: number;
  coupon: CouponEffect | null;
}

export interface ShippingQuote {
  id: string;
  name: string;
  carrier: string;
  amount: number;
  estimatedDays: { min: number; max: number };
}

/** The zone that serves `country`: the first naming it, else the first `*` zone; `undefined` when none ships there. */
export function zoneFor(zones: readonly ShippingZone[], country: string): ShippingZone | undefined {
  return (
    zones.find((z) => z.countries !== '*' && z.countries.includes(country)) ?? zones.find((z) => z.countries === '*')
  );
}

/** The price of one method for a parcel: flat or by started kilogram, free over its threshold or with a free-shipping coupon. */
export function shippingPrice(method: ShippingMethodConfig, input: Omit<ShippingQuoteInput, 'country'>): number {
  if (input.itemCount === 0 || input.coupon?.type === 'free_shipping') return 0;
  if (method.freeOver !== null && input.goods >= method.freeOver) return 0;
  if (method.rate.type === 'flat') return method.rate.amount;
  const startedKg = Math.max(1, Math.ceil(input.weightGrams / 1000));
  return method.rate.base + method.rate.perKg * startedKg;
}

function quoteZone(zone: ShippingZone, input: Omit<ShippingQuoteInput, 'country'>): ShippingQuote[] {
  return zone.methods
    .map((m) => ({
      id: m.id,
      name: m.name,
      carrier: m.carrier,
      amount: shippingPrice(m, input),
      estimatedDays: m.estimatedDays,
    }))
    .sort((a, b) => a.amount - b.amount || a.estimatedDays.max - b.estimatedDays.max || (a.id < b.id ? -1 : 1));
}

/** Every method offered for the destination, cheapest first (ties by speed, then id). */
export function quoteShipping(zones: readonly ShippingZone[], input: ShippingQuoteInput): ShippingQuote[] {
  const zone = zoneFor(zones, input.country);
  return zone ? quoteZone(zone, input) : [];
}

/**
 * The cart's shipping estimate: the cheapest method checkout would offer for `country`, or, when
 * the country is not known yet, for the `*` zone (else the first zone). `null` when nothing ships there.
 */
export function estimateShipping(
  zones: readonly ShippingZone[],
  input: Omit<ShippingQuoteInput, 'country'> & { country: string | null },
): { amount: number; freeOver: number | null } | null {
  const zone =
    input.country === null ? (zones.find((z) => z.countries === '*') ?? zones[0]) : zoneFor(zones, input.country);
  const cheapest = zone ? quoteZone(zone, input)[0] : undefined;
  if (!zone || !cheapest) return null;
  return { amount: cheapest.amount, freeOver: zone.methods.find((m) => m.id === cheapest.id)?.freeOver ?? null };
}

/**
 * The zones used when no shipping file is configured: the flat rate and free-shipping threshold
 * as "Standard" everywhere, plus a weight-based "Express" at twice the flat rate plus half of it
 * per started kilogram.
 */
export function defaultShippingZones(pricing: { shipping: ShippingConfig }): ShippingZone[] {
  const { flatRate, freeOver } = pricing.shipping;
  return [
    {
      id: 'everywhere',
      countries: '*',
      methods: [
        {
          id: 'standard',
          name: 'Standard',
          carrier: 'Shoptag Post',
          estimatedDays: { min: 3, max: 5 },
          rate: { type: 'flat', amount: flatRate },
          freeOver,
        },
        {
          id: 'express',
          name: 'Express',
          carrier: 'Shoptag Express',
          estimatedDays: { min: 1, max: 2 },
          rate: { type: 'weight', base: flatRate * 2, perKg: Math.ceil(flatRate / 2) },
          freeOver: null,
        },
      ],
    },
  ];
}
