import {
  ShippingSettings,
  TaxSettings,
  type SettingSource,
  type ShippingZoneSetting,
  type ShopSettings,
  type ShopSettingsUpdate,
  type TaxRateSetting,
} from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { UnprocessableError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { createSettingsRepository, type ShopSettingsRow } from '../../store/settings-repository.js';
import type { PricingConfig, ShippingZone } from '../pricing/index.js';

/**
 * How long a process trusts the settings it last read before asking the database whether they
 * changed (one indexed read of the generation). A save in another process is in force here
 * within this long, without a restart.
 */
export const DEFAULT_SETTINGS_TTL_MS = 2_000;

/** What applies when a section was never saved: the environment (or the shipping file), else the defaults. */
export interface SettingsFallback {
  shopName: string;
  currency: string;
  /** Pricing from SHOPTAG_* variables and the shipping file, amounts in minor units of `currency`. */
  pricing: PricingConfig;
  sources: ShopSettings['sources'];
}

/** The settings in force in this process. */
export interface EffectiveSettings {
  shopName: string;
  currency: string;
  pricing: PricingConfig;
  view: ShopSettings;
  generation: number;
}

export interface SettingsServiceDeps {
  db: Db;
  clock: Clock;
  fallback: SettingsFallback;
  /** See {@link DEFAULT_SETTINGS_TTL_MS}; 0 asks the database every time. */
  ttlMs?: number;
  /** Called after a save (this process): cached catalogue answers are forgotten in every process. */
  onChange?: () => void | Promise<void>;
  /** Told when saved settings cannot be read back (they are skipped for the environment's). */
  onUnreadable?: (message: string) => void;
}

type ShopSettingsUpdateParsed = {
  shop_name?: string | null | undefined;
  currency?: string | null | undefined;
  shipping?: ShippingSettings | null | undefined;
  tax?: TaxSettings | null | undefined;
};

/** Contract zones (snake case, minor units) → the pricing domain's zones. */
export function toShippingZones(zones: readonly ShippingZoneSetting[]): ShippingZone[] {
  return zones.map((zone) => ({
    id: zone.id,
    countries: zone.countries === '*' ? '*' : [...zone.countries],
    methods: zone.methods.map((m) => ({
      id: m.id,
      name: m.name,
      carrier: m.carrier,
      estimatedDays: { min: m.estimated_days.min, max: m.estimated_days.max },
      rate:
        m.rate.type === 'flat'
          ? { type: 'flat', amount: m.rate.amount }
          : { type: 'weight', base: m.rate.base, perKg: m.rate.per_kg },
      freeOver: m.free_over,
    })),
  }));
}

/** The pricing domain's zones → the contract's. */
export function fromShippingZones(zones: readonly ShippingZone[]): ShippingZoneSetting[] {
  return zones.map((zone) => ({
    id: zone.id,
    name: '',
    countries: zone.countries === '*' ? '*' : [...zone.countries],
    methods: zone.methods.map((m) => ({
      id: m.id,
      name: m.name,
      carrier: m.carrier,
      estimated_days: { min: m.estimatedDays.min, max: m.estimatedDays.max },
      rate:
        m.rate.type === 'flat'
          ? { type: 'flat', amount: m.rate.amount }
          : { type: 'weight', base: m.rate.base, per_kg: m.rate.perKg },
      free_over: m.freeOver,
    })),
  }));
}

function toRateRecord(rates: readonly TaxRateSetting[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rates) out[r.region === null ? r.country : `${r.country}-${r.region}`] = r.rate_bp;
  return out;
}

function fromRateRecord(rates: Readonly<Record<string, number>>): TaxRateSetting[] {
  return Object.entries(rates).map(([area, rate_bp]) => {
    const [country = area, region = null] = area.split('-');
    return { country, region, rate_bp };
  });
}

/**
 * The shop's settings: saved sections (`/v1/admin/settings`) over the environment's. Every
 * process reads them through {@link current}, which re-reads only when the saved generation
 * moved, so a save applies everywhere within the TTL.
 */
export function createSettingsService(deps: SettingsServiceDeps) {
  const { db, clock, fallback } = deps;
  const ttlMs = deps.ttlMs ?? DEFAULT_SETTINGS_TTL_MS;
  const repo = createSettingsRepository(db);
  let held: { value: EffectiveSettings; checkedAt: number } | null = null;
  let refreshing: Promise<EffectiveSettings> | null = null;

  function saved<T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    value: unknown,
    what: string,
  ): T | null {
    if (value === null || value === undefined) return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    deps.onUnreadable?.(`saved ${what} settings are not valid any more; the environment's apply`);
    return null;
  }

  /** The settings a row (or none) makes, each section saved or else the fallback's. */
  function effectiveOf(row: ShopSettingsRow | undefined): EffectiveSettings {
    const shipping = saved(ShippingSettings, row?.shipping, 'shipping');
    const tax = saved(TaxSettings, row?.tax, 'tax');
    const shopName = row?.shop_name ?? fallback.shopName;
    const currency = row?.currency?.trim() ?? fallback.currency;
    const base = fallback.pricing;
    const zones = shipping ? toShippingZones(shipping.zones) : base.zones;
    const pricing: PricingConfig = {
      ...base,
      currency,
      zones,
      ...(tax
        ? {
            taxRates: toRateRecord(tax.rates),
            pricesIncludeTax: tax.prices_include_tax,
            shippingTaxable: tax.shipping_taxable === '*' ? '*' : [...tax.shipping_taxable],
            defaultCountry: tax.default_country,
          }
        : {}),
    };
    const view: ShopSettings = {
      object: 'shop_settings',
      shop_name: shopName,
      currency,
      shipping: { zones: shipping ? shipping.zones : fromShippingZones(base.zones) },
      tax: {
        rates: tax ? tax.rates : fromRateRecord(base.taxRates),
        prices_include_tax: pricing.pricesIncludeTax,
        shipping_taxable: pricing.shippingTaxable === '*' ? '*' : [...pricing.shippingTaxable],
        default_country: pricing.defaultCountry,
      },
      sources: {
        shop_name: row?.shop_name != null ? 'settings' : fallback.sources.shop_name,
        currency: row?.currency != null ? 'settings' : fallback.sources.currency,
        shipping: shipping ? 'settings' : fallback.sources.shipping,
        tax: tax ? 'settings' : fallback.sources.tax,
      } satisfies Record<string, SettingSource>,
      updated_at: row?.updated_at?.toISOString() ?? null,
    };
    return { shopName, currency, pricing, view, generation: row?.generation ?? 0 };
  }

  async function refresh(now: number): Promise<EffectiveSettings> {
    if (held) {
      const generation = await repo.generation();
      if (generation === held.value.generation) {
        held = { value: held.value, checkedAt: now };
        return held.value;
      }
    }
    const value = effectiveOf(await repo.read());
    held = { value, checkedAt: now };
    return value;
  }

  /** The settings in force, re-checked against the database at most once per TTL (one read in flight at a time). */
  async function current(): Promise<EffectiveSettings> {
    const now = clock.now().getTime();
    if (held && now - held.checkedAt < ttlMs) return held.value;
    refreshing ??= refresh(now).finally(() => (refreshing = null));
    return refreshing;
  }

  return {
    current,

    /** The settings last read, without asking the database (for what cannot wait, such as an email's sender name). */
    latest(): EffectiveSettings {
      return held?.value ?? effectiveOf(undefined);
    },

    /** Pricing in force: what carts and checkouts take, as a source they call per request. */
    pricing: async (): Promise<PricingConfig> => (await current()).pricing,

    /** `GET /v1/admin/settings`. */
    async view(): Promise<ShopSettings> {
      return (await current()).view;
    },

    /**
     * `PATCH /v1/admin/settings`: saves the given sections (null forgets one). Shipping amounts
     * are minor units of a currency, so a change that would leave them in another currency than
     * the shop's is refused (422 `settings_currency_mismatch`): give the rates with the currency.
     */
    async update(change: ShopSettingsUpdate | ShopSettingsUpdateParsed): Promise<ShopSettings> {
      const input = change as ShopSettingsUpdateParsed;
      const row = await db.transaction(async (tx) => {
        const txRepo = createSettingsRepository(tx);
        const before = await txRepo.read({ forUpdate: true });
        const pick = <K extends 'shop_name' | 'currency' | 'tax'>(key: K) =>
          input[key] === undefined ? (before?.[key] ?? null) : input[key];
        const currency = (pick('currency') as string | null) ?? null;
        const shipping = input.shipping === undefined ? (before?.shipping ?? null) : input.shipping;
        const currencyInForce = currency ?? fallback.currency;
        const shippingCurrency =
          shipping === null
            ? null
            : input.shipping === undefined
              ? (before?.shipping_currency ?? null)
              : currencyInForce;
        const ratesCurrency = (shippingCurrency ?? fallback.currency).trim();
        if (ratesCurrency !== currencyInForce) {
          throw new UnprocessableError(
            `Shipping rates are amounts in ${ratesCurrency}: give them again in ${currencyInForce} when changing the currency.`,
            { code: 'settings_currency_mismatch', param: 'shipping' },
          );
        }
        return txRepo.write(
          {
            shop_name: pick('shop_name') as string | null,
            currency,
            shipping,
            shipping_currency: shippingCurrency,
            tax: pick('tax'),
          },
          clock.now(),
        );
      });
      const value = effectiveOf(row);
      held = { value, checkedAt: clock.now().getTime() };
      await deps.onChange?.();
      return value.view;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
