import { z } from 'zod';
import { MAX_AMOUNT } from './limits.js';
import { CurrencyCode } from './money.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

/** A two-letter ISO 3166-1 country code in upper case. */
const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO 3166-1 country code in upper case, e.g. US' });

/** Lower case, as shipping method ids are on the wire (`ShippingRate.id`). */
const SettingsId = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, { message: 'must be 1–64 lower-case letters, digits, _ or -' });
/** An amount in minor units of the settings' currency: an integer, never a float. */
const MinorAmount = z
  .number()
  .int({ message: 'must be a whole number of minor units (cents), never a fraction' })
  .min(0)
  .max(MAX_AMOUNT)
  .meta({ description: 'Minor units of the shop currency (cents for USD, yen for JPY)' });
const Days = z.number().int().min(0).max(365);

/** How a shipping method is priced: flat, or a base plus an amount per started kilogram. */
export const ShippingRateRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('flat'), amount: MinorAmount }),
  z.strictObject({ type: z.literal('weight'), base: MinorAmount, per_kg: MinorAmount }),
]);
export type ShippingRateRule = z.infer<typeof ShippingRateRule>;

/** One way of shipping within a zone. */
export const ShippingMethodSetting = z.strictObject({
  id: SettingsId,
  name: z.string().trim().min(1, { message: 'needs a name' }).max(100),
  carrier: z.string().trim().max(100).default(''),
  estimated_days: z
    .strictObject({ min: Days, max: Days })
    .refine((d) => d.min <= d.max, { message: 'the fastest delivery must not be slower than the slowest' }),
  rate: ShippingRateRule,
  free_over: MinorAmount.nullable().default(null).meta({ description: 'Free once goods (after discount) reach this' }),
});
export type ShippingMethodSetting = z.infer<typeof ShippingMethodSetting>;

/** Countries served by the same methods; `*` serves every country no other zone names. */
export const ShippingZoneSetting = z.strictObject({
  id: SettingsId,
  name: z.string().trim().max(100).default(''),
  countries: z.union([z.literal('*'), z.array(CountryCode).min(1, { message: 'needs at least one country' })]),
  methods: z.array(ShippingMethodSetting).min(1, { message: 'needs at least one shipping method' }).max(20),
});
export type ShippingZoneSetting = z.infer<typeof ShippingZoneSetting>;

/**
 * Adds an issue for each rule across zones: zone ids unique, a country in one zone only, one `*`
 * zone at most, method ids unique within their zone. The shipping file and the settings API share it.
 */
export function checkShippingZones(
  zones: readonly { id: string; countries: readonly string[] | '*'; methods: readonly { id: string }[] }[],
  ctx: { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void },
  at: PropertyKey[] = ['zones'],
): void {
  const zoneIds = new Set<string>();
  const countries = new Map<string, string>();
  zones.forEach((zone, z) => {
    if (zoneIds.has(zone.id))
      ctx.addIssue({ code: 'custom', path: [...at, z, 'id'], message: `repeats the zone id "${zone.id}"` });
    zoneIds.add(zone.id);
    if (zone.countries === '*') {
      const other = countries.get('*');
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: [...at, z, 'countries'],
          message: `is "*" in zone "${other}" already; only one zone may serve everywhere else`,
        });
      else countries.set('*', zone.id);
    } else {
      zone.countries.forEach((country, c) => {
        const other = countries.get(country);
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: [...at, z, 'countries', c],
            message: `${country} is in zone "${other}" already`,
          });
        else countries.set(country, zone.id);
      });
    }
    const methodIds = new Set<string>();
    zone.methods.forEach((method, m) => {
      if (methodIds.has(method.id))
        ctx.addIssue({
          code: 'custom',
          path: [...at, z, 'methods', m, 'id'],
          message: `repeats the method id "${method.id}" in zone "${zone.id}"`,
        });
      methodIds.add(method.id);
    });
  });
}

export const ShippingSettings = z
  .strictObject({ zones: z.array(ShippingZoneSetting).min(1, { message: 'needs at least one zone' }).max(100) })
  .superRefine((s, ctx) => checkShippingZones(s.zones, ctx));
export type ShippingSettings = z.infer<typeof ShippingSettings>;

/** One tax rate: for a country (`region` null) or one of its regions (`US` + `CA`), in basis points (1 % = 100). */
export const TaxRateSetting = z.strictObject({
  country: CountryCode,
  region: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/, { message: 'must be a region code such as CA (1–3 letters or digits, upper case)' })
    .nullable()
    .default(null),
  rate_bp: z
    .number()
    .int({ message: 'must be a whole number of basis points (7.25 % is 725)' })
    .min(0)
    .max(10_000, { message: 'must not be above 100 %' })
    .meta({ description: 'Basis points: 1 % = 100, 7.25 % = 725' }),
});
export type TaxRateSetting = z.infer<typeof TaxRateSetting>;

export const TaxSettings = z
  .strictObject({
    rates: z.array(TaxRateSetting).max(500),
    prices_include_tax: z.boolean().meta({ description: 'Prices (and shipping) already include tax' }),
    shipping_taxable: z
      .union([z.literal('*'), z.array(CountryCode).max(300)])
      .meta({ description: 'Countries where shipping is taxed like goods; `*` everywhere' }),
    default_country: CountryCode.nullable().meta({ description: 'The country a cart without one is estimated for' }),
  })
  .superRefine((tax, ctx) => {
    const seen = new Set<string>();
    tax.rates.forEach((rate, i) => {
      const area = rate.region === null ? rate.country : `${rate.country}-${rate.region}`;
      if (seen.has(area)) ctx.addIssue({ code: 'custom', path: ['rates', i], message: `repeats the rate for ${area}` });
      seen.add(area);
    });
  });
export type TaxSettings = z.infer<typeof TaxSettings>;

/** Where a setting in force comes from: saved in the console/API, the environment or a file, or the built-in default. */
export const SettingSource = z.enum(['settings', 'environment', 'default']);
export type SettingSource = z.infer<typeof SettingSource>;

/**
 * The shop's settings in force (`GET /v1/admin/settings`). Amounts are minor units of `currency`.
 * A section saved with the API wins over the environment (SHOPTAG_* variables, the shipping file),
 * which wins over the defaults; `sources` says which one each section comes from.
 */
export const ShopSettings = z
  .object({
    object: z.literal('shop_settings'),
    shop_name: z.string(),
    currency: z.string(),
    shipping: z.object({ zones: z.array(ShippingZoneSetting) }),
    tax: z.object({
      rates: z.array(TaxRateSetting),
      prices_include_tax: z.boolean(),
      shipping_taxable: z.union([z.literal('*'), z.array(z.string())]),
      default_country: z.string().nullable(),
    }),
    sources: z.object({
      shop_name: SettingSource,
      currency: SettingSource,
      shipping: SettingSource,
      tax: SettingSource,
    }),
    updated_at: Timestamp.nullable().meta({ description: 'When settings were last saved; null when never' }),
  })
  .meta({ id: 'ShopSettings' });
export type ShopSettings = z.infer<typeof ShopSettings>;

/**
 * Body of `PATCH /v1/admin/settings`: the sections to change. `null` forgets a saved section, so
 * the environment's (or the default) applies again. Shipping amounts are minor units of the
 * currency in force after the change.
 */
export const ShopSettingsUpdate = z
  .strictObject({
    shop_name: z.string().trim().min(1, { message: 'needs a name' }).max(100).nullable().optional(),
    currency: CurrencyCode.nullable().optional(),
    shipping: ShippingSettings.nullable().optional(),
    tax: TaxSettings.nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Give at least one setting to change', path: ['shop_name'] })
  .meta({ id: 'ShopSettingsUpdate' });
export type ShopSettingsUpdate = z.input<typeof ShopSettingsUpdate>;
