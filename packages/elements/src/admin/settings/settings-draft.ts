import {
  decimalToMinor,
  minorToDecimalString,
  currencyExponent,
  type ShopSettings,
  type ShopSettingsUpdate,
  type ShippingZoneSetting,
  type TaxRateSetting,
} from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

/** One shipping method as the form holds it: what people typed, amounts in major units. */
export interface MethodDraft {
  id: string;
  name: string;
  carrier: string;
  rateType: 'flat' | 'weight';
  amount: string;
  base: string;
  perKg: string;
  freeOver: string;
  daysMin: string;
  daysMax: string;
}

export interface ZoneDraft {
  id: string;
  name: string;
  everywhere: boolean;
  countries: string;
  methods: MethodDraft[];
}

export interface RateDraft {
  country: string;
  region: string;
  percent: string;
}

/** The settings form: text as typed, turned into the wire shape (integers) only by {@link toUpdate}. */
export interface SettingsDraft {
  shopName: string;
  currency: string;
  zones: ZoneDraft[];
  pricesIncludeTax: boolean;
  defaultCountry: string;
  shippingTaxable: string;
  rates: RateDraft[];
}

/** A field's problem: a catalogue key and its parameters. */
export interface FieldProblem {
  key: AdminMessageKey;
  params?: Record<string, string | number>;
}

/** Basis points → "7.25" (no floating point). */
export function percentOf(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** "7.25" or "7,25" → 725 basis points; null when it is not a percentage 0–100 with at most two decimals. */
export function basisPointsOf(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

const money = (amount: number | null, currency: string) =>
  amount === null ? '' : minorToDecimalString(amount, currency);

export function draftOf(settings: ShopSettings): SettingsDraft {
  const c = settings.currency;
  return {
    shopName: settings.shop_name,
    currency: settings.currency,
    zones: settings.shipping.zones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      everywhere: zone.countries === '*',
      countries: zone.countries === '*' ? '' : zone.countries.join(', '),
      methods: zone.methods.map((m) => ({
        id: m.id,
        name: m.name,
        carrier: m.carrier,
        rateType: m.rate.type,
        amount: m.rate.type === 'flat' ? money(m.rate.amount, c) : '',
        base: m.rate.type === 'weight' ? money(m.rate.base, c) : '',
        perKg: m.rate.type === 'weight' ? money(m.rate.per_kg, c) : '',
        freeOver: money(m.free_over, c),
        daysMin: String(m.estimated_days.min),
        daysMax: String(m.estimated_days.max),
      })),
    })),
    pricesIncludeTax: settings.tax.prices_include_tax,
    defaultCountry: settings.tax.default_country ?? '',
    shippingTaxable: settings.tax.shipping_taxable === '*' ? '*' : settings.tax.shipping_taxable.join(', '),
    rates: settings.tax.rates.map((r) => ({
      country: r.country,
      region: r.region ?? '',
      percent: percentOf(r.rate_bp),
    })),
  };
}

/** An id no other item in `taken` has, lower case as the API wants it. */
export function freshId(prefix: string, taken: readonly { id: string }[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.some((t) => t.id === id)) return id;
  }
}

export function newMethod(taken: readonly { id: string }[]): MethodDraft {
  return {
    id: freshId('method', taken),
    name: '',
    carrier: '',
    rateType: 'flat',
    amount: '',
    base: '',
    perKg: '',
    freeOver: '',
    daysMin: '2',
    daysMax: '5',
  };
}

export function newZone(taken: readonly { id: string }[]): ZoneDraft {
  return { id: freshId('zone', taken), name: '', everywhere: false, countries: '', methods: [newMethod([])] };
}

const COUNTRY = /^[A-Z]{2}$/;
const codesOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

/**
 * The form as the API's update, every amount read into integer minor units of the currency being
 * saved; or the problems by field path (`zones.0.methods.1.amount`) when something does not read.
 */
export function toUpdate(
  draft: SettingsDraft,
):
  | { ok: true; update: Required<Pick<ShopSettingsUpdate, 'shop_name' | 'currency' | 'shipping' | 'tax'>> }
  | { ok: false; problems: Map<string, FieldProblem> } {
  const problems = new Map<string, FieldProblem>();
  const currency = draft.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.set('currency', { key: 'settings.invalid.currency' });
  if (!draft.shopName.trim()) problems.set('shopName', { key: 'settings.invalid.required' });
  const digits = /^[A-Z]{3}$/.test(currency) ? currencyExponent(currency) : 2;
  const example = digits === 0 ? '500' : `5.${'0'.repeat(digits)}`;
  const amount = (text: string, path: string, optional = false): number | null => {
    if (optional && text.trim() === '') return null;
    const minor = text.trim() === '' ? null : decimalToMinor(text, currency || 'USD');
    if (minor === null || minor < 0) {
      problems.set(path, { key: 'settings.invalid.money', params: { example, digits } });
      return 0;
    }
    return minor;
  };
  const seen = new Map<string, number>();
  let everywhere = -1;
  const zones: ShippingZoneSetting[] = draft.zones.map((zone, z) => {
    let countries: ShippingZoneSetting['countries'] = '*';
    if (zone.everywhere) {
      if (everywhere >= 0) problems.set(`zones.${z}.countries`, { key: 'settings.invalid.everywhereTwice' });
      everywhere = z;
    } else {
      const codes = codesOf(zone.countries);
      if (codes.length === 0 || codes.some((c) => !COUNTRY.test(c)))
        problems.set(`zones.${z}.countries`, { key: 'settings.invalid.country' });
      else if (codes.some((c) => seen.has(c)))
        problems.set(`zones.${z}.countries`, { key: 'settings.invalid.countryTaken' });
      for (const c of codes) seen.set(c, z);
      countries = [...new Set(codes)];
    }
    return {
      id: zone.id,
      name: zone.name.trim(),
      countries,
      methods: zone.methods.map((m, i) => {
        const at = `zones.${z}.methods.${i}`;
        if (!m.name.trim()) problems.set(`${at}.name`, { key: 'settings.invalid.required' });
        const min = /^\d{1,3}$/.test(m.daysMin.trim()) ? Number(m.daysMin) : NaN;
        const max = /^\d{1,3}$/.test(m.daysMax.trim()) ? Number(m.daysMax) : NaN;
        if (!(min <= max) || max > 365) problems.set(`${at}.days`, { key: 'settings.invalid.days' });
        return {
          id: m.id,
          name: m.name.trim(),
          carrier: m.carrier.trim(),
          estimated_days: { min: Number.isNaN(min) ? 0 : min, max: Number.isNaN(max) ? 0 : max },
          rate:
            m.rateType === 'flat'
              ? { type: 'flat', amount: amount(m.amount, `${at}.amount`) ?? 0 }
              : {
                  type: 'weight',
                  base: amount(m.base, `${at}.base`) ?? 0,
                  per_kg: amount(m.perKg, `${at}.perKg`) ?? 0,
                },
          free_over: amount(m.freeOver, `${at}.freeOver`, true),
        };
      }),
    };
  });
  const areas = new Set<string>();
  const rates: TaxRateSetting[] = draft.rates.map((r, i) => {
    const country = r.country.trim().toUpperCase();
    const region = r.region.trim().toUpperCase();
    if (!COUNTRY.test(country)) problems.set(`rates.${i}.country`, { key: 'settings.invalid.country' });
    if (region && !/^[A-Z0-9]{1,3}$/.test(region))
      problems.set(`rates.${i}.region`, { key: 'settings.invalid.region' });
    const bp = basisPointsOf(r.percent);
    if (bp === null) problems.set(`rates.${i}.percent`, { key: 'settings.invalid.percent' });
    const area = region ? `${country}-${region}` : country;
    if (areas.has(area)) problems.set(`rates.${i}.country`, { key: 'settings.invalid.duplicateRate' });
    areas.add(area);
    return { country, region: region || null, rate_bp: bp ?? 0 };
  });
  const defaultCountry = draft.defaultCountry.trim().toUpperCase();
  if (defaultCountry && !COUNTRY.test(defaultCountry))
    problems.set('defaultCountry', { key: 'settings.invalid.country' });
  const taxable = draft.shippingTaxable.trim() === '*' ? '*' : codesOf(draft.shippingTaxable);
  if (taxable !== '*' && taxable.some((c) => !COUNTRY.test(c)))
    problems.set('shippingTaxable', { key: 'settings.invalid.country' });
  if (problems.size > 0) return { ok: false, problems };
  return {
    ok: true,
    update: {
      shop_name: draft.shopName.trim(),
      currency,
      shipping: { zones },
      tax: {
        rates,
        prices_include_tax: draft.pricesIncludeTax,
        shipping_taxable: taxable,
        default_country: defaultCountry || null,
      },
    },
  };
}

/** The form field a server `param` names (`shipping.zones.0.methods.0.rate.amount` → `zones.0.methods.0.amount`). */
export function fieldOfParam(param: string): string {
  if (param === 'shop_name') return 'shopName';
  if (param === 'tax.default_country') return 'defaultCountry';
  if (param.startsWith('tax.shipping_taxable')) return 'shippingTaxable';
  return param
    .replace(/^shipping\./, '')
    .replace(/^tax\./, '')
    .replace('.rate.per_kg', '.perKg')
    .replace(/\.rate\.(amount|base)$/, '.$1')
    .replace('.free_over', '.freeOver')
    .replace(/\.estimated_days(\..*)?$/, '.days')
    .replace(/\.rate_bp$/, '.percent')
    .replace(/\.countries\.\d+$/, '.countries');
}
