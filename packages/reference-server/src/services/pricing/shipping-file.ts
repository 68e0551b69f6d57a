import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseMajorUnits } from './pricing-config.js';
import type { ShippingMethodConfig, ShippingZone } from './shipping.js';

/** An amount in major units of the shop currency: `"4.99"` (or the JSON number `4.99`), never negative. */
const Amount = z
  .union([z.string(), z.number()], { error: 'must be an amount in major units, e.g. "4.99"' })
  .transform((v) => String(v));
const Days = z.number().int().min(0).max(365);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, _ or -' });

const Method = z.strictObject({
  id: Id,
  name: z.string().min(1).max(100),
  carrier: z.string().max(100).default(''),
  estimated_days: z
    .strictObject({ min: Days, max: Days })
    .refine((d) => d.min <= d.max, { message: 'min must not be above max' }),
  rate: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('flat'), amount: Amount }),
    z.strictObject({ type: z.literal('weight'), base: Amount, per_kg: Amount }),
  ]),
  free_over: Amount.nullable().default(null),
});

const Zone = z.strictObject({
  id: Id,
  countries: z.union([
    z.literal('*'),
    z
      .array(
        z
          .string()
          .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO 3166-1 country code in upper case, e.g. US' }),
      )
      .min(1),
  ]),
  methods: z.array(Method).min(1),
});

const ShippingFile = z.strictObject({ zones: z.array(Zone).min(1) }).superRefine((file, ctx) => {
  const zoneIds = new Set<string>();
  const countries = new Map<string, string>();
  file.zones.forEach((zone, z) => {
    if (zoneIds.has(zone.id))
      ctx.addIssue({ code: 'custom', path: ['zones', z, 'id'], message: `repeats the zone id "${zone.id}"` });
    zoneIds.add(zone.id);
    if (zone.countries === '*') {
      const other = countries.get('*');
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: ['zones', z, 'countries'],
          message: `is "*" in zone "${other}" already; only one zone may serve everywhere else`,
        });
      else countries.set('*', zone.id);
    } else {
      zone.countries.forEach((country, c) => {
        const other = countries.get(country);
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: ['zones', z, 'countries', c],
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
          path: ['zones', z, 'methods', m, 'id'],
          message: `repeats the method id "${method.id}" in zone "${zone.id}"`,
        });
      methodIds.add(method.id);
    });
  });
});

/** A problem in a shipping file, naming the field at fault (`zones[0].methods[1].rate.amount`). */
export class ShippingFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShippingFileError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
      '',
    ) || '(the whole file)'
  );
}

/**
 * Reads shipping zones from a JSON file (format in docs/server.md): zones of countries (or `*`)
 * with flat or weight-based methods, each with carrier, estimated delivery days and an optional
 * free-over threshold. Amounts are major units of `currency`. Throws a {@link ShippingFileError}
 * naming the file and the first field at fault.
 */
export function readShippingFile(path: string, currency: string): ShippingZone[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ShippingFileError(
      `cannot read ${path} (${error instanceof Error && 'code' in error ? String(error.code) : String(error)})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ShippingFileError(
      `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parseShippingZones(json, currency, path);
}

/** The zones of an already parsed shipping file; `source` names it in messages. */
export function parseShippingZones(json: unknown, currency: string, source = 'the shipping file'): ShippingZone[] {
  const parsed = ShippingFile.safeParse(json, {
    error: (issue) => (issue.input === undefined ? 'is required' : undefined),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ShippingFileError(`${source}: ${fieldPath(issue.path)} ${issue.message}`);
  }
  const amount = (value: string, path: string): number => {
    try {
      return parseMajorUnits(value, currency);
    } catch (error) {
      throw new ShippingFileError(`${source}: ${path} ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return parsed.data.zones.map((zone, z) => ({
    id: zone.id,
    countries: zone.countries,
    methods: zone.methods.map((m, i): ShippingMethodConfig => {
      const at = `zones[${z}].methods[${i}]`;
      return {
        id: m.id,
        name: m.name,
        carrier: m.carrier,
        estimatedDays: { min: m.estimated_days.min, max: m.estimated_days.max },
        rate:
          m.rate.type === 'flat'
            ? { type: 'flat', amount: amount(m.rate.amount, `${at}.rate.amount`) }
            : {
                type: 'weight',
                base: amount(m.rate.base, `${at}.rate.base`),
                perKg: amount(m.rate.per_kg, `${at}.rate.per_kg`),
              },
        freeOver: m.free_over === null ? null : amount(m.free_over, `${at}.free_over`),
      };
    }),
  }));
}
